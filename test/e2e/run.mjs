// `npm run test:e2e`: prepares the machine (idempotent), packages the extension into
// dist/tome.vsix, then runs the scenarios in a real VS Code (code-server + headless Chromium).
// Extra arguments go to vitest, e.g. `npm run test:e2e -- scenarios/02-chat`.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setUpE2eMachine } from './setup.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

function step(message) {
  process.stdout.write(`[e2e] ${message}\n`);
}

try {
  setUpE2eMachine();
  step('packaging the extension (npm run package)');
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
} catch (error) {
  process.stderr.write(`[e2e] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

step('running the scenarios');
const vitest = spawnSync('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.config.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(vitest.status ?? 1);
