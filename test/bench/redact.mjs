// Redact-stage figures: `node test/bench/redact.mjs flags node_modules` lists and counts what the
// redact stage flags in installed dependencies (false positives); `node test/bench/redact.mjs
// speed <dir> [runs]` times the stage alone. See redact.ts.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const cache = join(here, '.cache');
mkdirSync(cache, { recursive: true });
const bundle = join(cache, 'redact.cjs');
await build({ entryPoints: [join(here, 'redact.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
execFileSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
