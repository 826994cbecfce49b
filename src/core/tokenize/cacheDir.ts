import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The user's cache folder for token counts: `$TOME_CACHE_DIR/tokens` when set, else
 * `%LOCALAPPDATA%\tome\tokens` on Windows, else `$XDG_CACHE_HOME/tome/tokens`, else
 * `~/.cache/tome/tokens`.
 */
export function defaultTokenCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TOME_CACHE_DIR) return join(env.TOME_CACHE_DIR, 'tokens');
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'tome', 'tokens');
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'tome', 'tokens');
}
