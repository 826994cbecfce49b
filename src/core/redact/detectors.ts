/**
 * Tome's own secret detectors: one regular expression per kind of credential, each naming the
 * capture group that holds the secret so only the value is replaced and the text around it
 * (variable names, URL hosts, PEM armour lines) stays as it was.
 */
import { looksRandom } from './entropy';

/** What a detector's extra check may look at besides the value. */
export interface MatchContext {
  /** The `name` group: the variable the value is assigned to. */
  name?: string;
  /** The `quote` group: the quote around the value, '' when bare. */
  quote?: string;
  /** The file's path, when known. */
  path?: string;
}

/** One kind of secret and how to find it. */
export interface Detector {
  /** Kind written into `[REDACTED:<kind>]`. */
  kind: string;
  /** Global regular expression; the `secret` group (or the whole match) is replaced. */
  pattern: RegExp;
  /** Extra check on the captured value; findings that fail it are kept as they are. */
  accept?: (value: string, context: MatchContext) => boolean;
  /** Kind from the match's `name` group, for detectors whose kind depends on the variable name. */
  kindOfName?: (name: string) => string;
}

/** `password`, `api-key`, `token` or `secret`, after the variable a generic value was assigned to. */
function kindOfSecretName(name: string): string {
  if (/pass|pwd/i.test(name)) return 'password';
  if (/api[_-]?key|apikey/i.test(name)) return 'api-key';
  if (/token/i.test(name)) return 'token';
  return 'secret';
}

/**
 * Names that announce a secret value: `password`, `client_secret`, `API_KEY`, `authToken`… The
 * match starts at the keyword (a prefix such as `db_` changes nothing): patterns that open with a
 * literal run several times faster than ones that open with a character class.
 */
const SECRET_NAME = String.raw`(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credentials?)[A-Za-z0-9_-]*`;

/** Names about a secret rather than holding one: `secret_name`, `token_url`, `password_file`. */
const NOT_A_SECRET_NAME = /[_.-]?(?:name|id|ids|file|path|dir|url|uri|endpoint|type|length|len|count|header|field|prefix|suffix|label|env|var)$/i;

/**
 * Source files in programming languages: there a bare (unquoted) value after `token =` is an
 * expression, never a literal secret; in config files (.env, YAML, properties) bare values are the norm.
 */
const CODE_FILE = /\.(?:[cm]?[jt]sx?|py|go|rs|java|kt|kts|scala|cs|fs|rb|php|swift|m|mm|c|cc|cpp|cxx|h|hh|hpp|dart|lua|ex|exs|erl|hs|ml|clj|groovy|ps1|vue|svelte)$/i;

const hasDigitAndLetter = (v: string): boolean => /\d/.test(v) && /[A-Za-z]/.test(v);

/** Ordered most specific first: when two findings overlap, the earlier detector wins. */
export const DETECTORS: readonly Detector[] = [
  {
    kind: 'private-key',
    pattern: /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY( BLOCK)?-----(?<secret>[\s\S]*?)-----END \1PRIVATE KEY\2-----/g,
  },
  {
    kind: 'aws-access-key-id',
    pattern: /\b(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16})\b/g,
    // AWS's documentation key, AKIAIOSFODNN7EXAMPLE, appears in countless READMEs and tests.
    accept: (v) => !v.endsWith('EXAMPLE'),
  },
  {
    kind: 'aws-secret-access-key',
    pattern: /aws_?secret_?(?:access_?)?key["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
  },
  { kind: 'github-token', pattern: /\b(?<secret>(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'gitlab-token', pattern: /\b(?<secret>gl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_-]{20,})/g },
  { kind: 'slack-webhook-url', pattern: /https:\/\/hooks\.slack\.com\/(?<secret>(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,})/g },
  { kind: 'slack-token', pattern: /\b(?<secret>xox[abposre]-[A-Za-z0-9-]{10,}|xapp-\d-[A-Za-z0-9-]{20,})/g },
  { kind: 'stripe-key', pattern: /\b(?<secret>(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,})\b/g },
  { kind: 'anthropic-api-key', pattern: /\b(?<secret>sk-ant-[A-Za-z0-9_-]{20,})/g },
  {
    kind: 'openai-api-key',
    pattern: /\b(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})/g,
    accept: (v) => hasDigitAndLetter(v) && looksRandom(v, 20),
  },
  { kind: 'google-api-key', pattern: /\b(?<secret>AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/g },
  {
    kind: 'azure-storage-key',
    pattern: /\b(?:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{20,}={0,2})/g,
  },
  { kind: 'azure-sas-signature', pattern: /[?&]sig=(?<secret>[A-Za-z0-9%+/=]{20,})/g },
  { kind: 'twilio-api-key', pattern: /\b(?<secret>SK[0-9a-fA-F]{32})\b/g },
  { kind: 'twilio-auth-token', pattern: /\bAC[0-9a-f]{32}:(?<secret>[0-9a-f]{32})\b/g },
  {
    kind: 'twilio-auth-token',
    pattern: /twilio[A-Za-z0-9_]*?(?:auth)?_?token["']?\s*(?:[:=]|=>)\s*["']?(?<secret>[0-9a-f]{32})\b/gi,
  },
  { kind: 'sendgrid-api-key', pattern: /\b(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g },
  { kind: 'npm-token', pattern: /\b(?<secret>npm_[A-Za-z0-9]{36})\b/g },
  { kind: 'pypi-token', pattern: /\b(?<secret>pypi-[A-Za-z0-9_-]{50,})/g },
  {
    kind: 'jwt',
    pattern: /\b(?<secret>eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})/g,
  },
  {
    kind: 'url-password',
    // Four characters at least: `abc:xyz@`, `foo:bar@` and `a:b@` are how documentation writes URLs.
    pattern: /:\/\/[^\s:@/'"`<>]{0,128}:(?<secret>[^\s@/'"`<>]{4,256})@[A-Za-z0-9[\]._-]/gi,
    accept: (v) => !/^(?:\$\{?[A-Za-z_]\w*\}?|\*+|x+|<.*>|\{\{.*\}\}|%\(.*\)s|password|pass|passwd|secret|changeme|pw)$/i.test(v),
  },
  {
    kind: 'secret',
    kindOfName: kindOfSecretName,
    pattern: new RegExp(
      String.raw`(?<name>${SECRET_NAME})["']?\s*(?:=|:=|:|=>|\+=)\s*(?<quote>["'\`]?)(?<secret>[^\s"'\`,;()[\]{}]{8,512})\k<quote>`,
      'gi',
    ),
    accept: (v, { name, quote, path }) =>
      !NOT_A_SECRET_NAME.test(name ?? '') && !(quote === '' && path !== undefined && CODE_FILE.test(path)) && looksRandom(v),
  },
];
