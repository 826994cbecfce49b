import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CODE_SERVER_VERSION, codeServerEnv, cacheDir, parseCodeServerVersion } from '../e2e/setup.mjs';

/** What `code-server --version` prints the first time it runs on a machine. */
const FIRST_RUN_OUTPUT = [
  '[2026-12-01T21:10:04.112Z] info  Wrote default config file to /root/.config/code-server/config.yaml',
  `${CODE_SERVER_VERSION} 0f6fef2d2d2e3e1ad8d7b82c4a3a0fb9e2c1c2e1 with Code 1.100.3`,
  '',
].join('\n');

describe('the e2e setup probe of code-server', () => {
  it('reads the version line after the first-run config notice', () => {
    expect(parseCodeServerVersion(FIRST_RUN_OUTPUT)).toBe(CODE_SERVER_VERSION);
  });

  it('reads the version when it is the only line, as on later runs', () => {
    expect(parseCodeServerVersion(`${CODE_SERVER_VERSION} 0f6fef2 with Code 1.100.3\n`)).toBe(CODE_SERVER_VERSION);
  });

  it('finds no version in output that has none', () => {
    expect(parseCodeServerVersion('[2026-12-01] error something went wrong\n')).toBeUndefined();
    expect(parseCodeServerVersion('')).toBeUndefined();
  });

  it('does not mistake a timestamped log line for a version', () => {
    expect(parseCodeServerVersion('4.100.3 is not installed\n')).toBeUndefined();
  });

  it('keeps code-server config and data under the e2e cache, not the home folder', () => {
    const env = codeServerEnv();
    expect(env.XDG_CONFIG_HOME).toBe(join(cacheDir(), 'xdg-config'));
    expect(env.XDG_DATA_HOME).toBe(join(cacheDir(), 'xdg-data'));
    expect(env.CODE_SERVER_CONFIG?.startsWith(cacheDir())).toBe(true);
  });
});
