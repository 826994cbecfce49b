/** Source hosting and CI: GitHub, GitLab, Bitbucket and Atlassian, CircleCI, Travis CI, Buildkite. */
import type { SecretRule } from '../rule';
import { assignedTo } from './checks';

export const SOURCE_HOSTING_RULES: readonly SecretRule[] = [
  {
    kind: 'github-token',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?<secret>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g,
  },
  {
    kind: 'gitlab-token',
    keywords: ['glpat-', 'gldt-', 'glrt-', 'glrtr-', 'glptt-', 'glcbt-', 'gloas-', 'glsoat-', 'glft-', 'glimt-', 'glagent-'],
    pattern: /\b(?<secret>gl(?:pat|dt|rtr?|ptt|cbt|oas|soat|ft|imt|agent)-[A-Za-z0-9_-]{20,}(?:\.[0-9a-z]{9})?)/g,
  },
  { kind: 'bitbucket-app-password', keywords: ['atbb'], pattern: /\b(?<secret>ATBB[A-Za-z0-9_=.-]{28,})(?![A-Za-z0-9_=.-])/g },
  {
    kind: 'atlassian-api-token',
    keywords: ['atatt3', 'atctt3'],
    pattern: /\b(?<secret>AT[AC]TT3[A-Za-z0-9_=-]{180,})(?![A-Za-z0-9_=-])/g,
  },
  {
    kind: 'circleci-token',
    keywords: ['ccipat_', 'cciprj_'],
    pattern: /\b(?<secret>CCI(?:PAT|PRJ)_[A-Za-z0-9]{22}_[a-f0-9]{40})\b/g,
  },
  {
    // Older CircleCI tokens are 40 hex digits, as long as a git commit id: only the name tells.
    kind: 'circleci-token',
    keywords: ['circle'],
    pattern: new RegExp(String.raw`${assignedTo('circle(?:ci)?[_-]?(?:api[_-]?)?token|circle[_-]?(?:ci[_-]?)?key')}(?<secret>[a-f0-9]{40})\b`, 'gi'),
  },
  {
    kind: 'travis-token',
    keywords: ['travis'],
    pattern: new RegExp(String.raw`${assignedTo('travis')}(?<secret>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])`, 'gi'),
    accept: (v) => /\d/.test(v) && /[A-Za-z]/.test(v),
  },
  {
    kind: 'buildkite-token',
    keywords: ['bkua_', 'bkaa_'],
    pattern: /\b(?<secret>bkua_(?:[A-Za-z0-9]{2,8}\.)?[a-f0-9]{40}|bkaa_(?:[A-Za-z0-9]{2,8}\.)?[A-Za-z0-9]{40,})\b/g,
  },
];
