/**
 * `--remote <url>[#ref]`: a shallow clone into a temporary folder that is removed when the work
 * is done, failed or cancelled. Only https:, ssh:, git: and file: URLs are accepted, and git is
 * told to use no other transport (no `ext::` commands, no redirects to other protocols).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitError, runGit } from './run';

/** A remote to pack: the URL and the branch, tag or commit (HEAD when absent). */
export interface RemoteSpec {
  url: string;
  ref?: string;
}

const ALLOWED_SCHEMES = new Set(['https:', 'ssh:', 'git:', 'file:']);
/** Branch, tag and commit names; never an option (no leading dash), no `..`, no control characters. */
const SAFE_REF = /^(?!-)(?!.*\.\.)[A-Za-z0-9._/+-]{1,200}$/;

/** Transports git may use, whatever the repository or a redirect asks for. */
const TRANSPORT_CONFIG = [
  '-c', 'protocol.allow=never',
  '-c', 'protocol.https.allow=always',
  '-c', 'protocol.ssh.allow=always',
  '-c', 'protocol.git.allow=always',
  '-c', 'protocol.file.allow=always',
];

/** Splits `url#ref` and checks both. Rejects with a `refused-remote` {@link GitError}. */
export function parseRemoteSpec(spec: string): RemoteSpec {
  const hash = spec.lastIndexOf('#');
  const url = hash < 0 ? spec : spec.slice(0, hash);
  const ref = hash < 0 ? undefined : spec.slice(hash + 1);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new GitError({ kind: 'refused-remote', url: spec, reason: /^[\w.-]+@[\w.-]+:/.test(url) ? 'scheme' : 'malformed' });
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) throw new GitError({ kind: 'refused-remote', url: spec, reason: 'scheme' });
  if (url.startsWith('-')) throw new GitError({ kind: 'refused-remote', url: spec, reason: 'malformed' });
  if (ref !== undefined && !SAFE_REF.test(ref)) throw new GitError({ kind: 'refused-remote', url: spec, reason: 'ref' });
  return ref === undefined ? { url } : { url, ref };
}

/** The URL with any password left out, for messages. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Clones `remote` shallowly into a fresh temporary folder, runs `work` on it, and removes the
 * folder afterwards in every case. Rejects with a `clone-failed` {@link GitError} when the
 * fetch fails, or with the signal's reason when cancelled.
 */
export async function withRemoteClone<T>(remote: RemoteSpec, work: (dir: string) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'tome-remote-'));
  try {
    await runGit(dir, ['init', '-q'], signal);
    try {
      await runGit(dir, [...TRANSPORT_CONFIG, 'fetch', '-q', '--depth=1', '--no-tags', '--no-recurse-submodules', '--', remote.url, remote.ref ?? 'HEAD'], signal);
      await runGit(dir, ['-c', 'advice.detachedHead=false', 'checkout', '-q', 'FETCH_HEAD'], signal);
    } catch (error) {
      if (error instanceof GitError && error.problem.kind === 'git-failed') {
        throw new GitError({ kind: 'clone-failed', url: shownUrl(remote.url), ...(remote.ref ? { ref: remote.ref } : {}), detail: error.problem.detail });
      }
      throw error;
    }
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}
