/** The last commits under a root: subject, author date and the files each changed. */
import { runGit } from './run';
import { parseNameStatusZ, type ChangedFile } from './changes';

/** One commit as the log section shows it. */
export interface CommitSummary {
  /** Abbreviated hash. */
  hash: string;
  /** Author date, `YYYY-MM-DD`. */
  date: string;
  subject: string;
  /** Files changed under the root, relative to it. */
  files: ChangedFile[];
}

const RECORD = '\x1e';
const FIELD = '\x1f';

/**
 * Parses `git log -z --format=<RS>%h<US>%ad<US>%s --name-status`: each record is the header
 * fields, then the commit's `-z` name-status list.
 */
export function parseLog(output: string): CommitSummary[] {
  const commits: CommitSummary[] = [];
  for (const record of output.split(RECORD)) {
    if (record.trim() === '') continue;
    const headerEnd = record.indexOf('\n');
    const header = headerEnd < 0 ? record : record.slice(0, headerEnd);
    const [hash = '', date = '', subject = ''] = header.replace(/\0+$/, '').split(FIELD);
    const rest = headerEnd < 0 ? '' : record.slice(headerEnd + 1).replace(/^\n+/, '');
    commits.push({ hash, date, subject, files: parseNameStatusZ(rest) });
  }
  return commits;
}

/**
 * The last `count` commits of HEAD that touch `root`, newest first. A repository without commits
 * has an empty log.
 */
export async function recentCommits(root: string, count: number, signal?: AbortSignal): Promise<CommitSummary[]> {
  const inside = (await runGit(root, ['rev-parse', '--is-inside-work-tree'], signal)).trim();
  if (inside !== 'true') return [];
  try {
    await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], signal);
  } catch {
    return [];
  }
  const output = await runGit(
    root,
    ['log', `-n${count}`, '-z', '--date=short', `--format=${RECORD}%h${FIELD}%ad${FIELD}%s`, '--name-status', '-M', '--relative', 'HEAD', '--', '.'],
    signal,
  );
  return parseLog(output);
}
