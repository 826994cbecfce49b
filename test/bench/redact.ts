/**
 * Redact-stage figures, bundled and run by redact.mjs:
 *   flags <dir> [values]  every value the redact stage replaces under <dir> (node_modules included),
 *                       as `path kinds` lines, then the count: on dependencies these are false
 *                       positives; with `values`, each value too (for a look on one's own machine)
 *   speed <dir> [runs]  the redact stage alone over every packable text file under <dir>: median
 *                       wall and CPU milliseconds (CPU time is steadier on a busy machine)
 * Files are those a pack would read (see test/support/textFiles.ts).
 * Prints one JSON object on the last line of stdout.
 */
import { redactText } from '../../src/core/redact';
import { type TextFile, textFilesUnder } from '../support/textFiles';

const [mode, dir, runsArg] = process.argv.slice(2);
if ((mode !== 'flags' && mode !== 'speed') || dir === undefined) throw new Error('usage: redact <flags|speed> <dir> [runs|values]');

/** The stretches of `original` that became `[REDACTED:…]` in `redacted`, with a little context. */
function replacedValues(original: string, redacted: string): string[] {
  const out: string[] = [];
  let shift = 0;
  for (const m of redacted.matchAll(/\[REDACTED:[^\]]+\]/g)) {
    const start = m.index + shift;
    const after = redacted.slice(m.index + m[0].length, m.index + m[0].length + 8);
    const end = after === '' ? original.length : original.indexOf(after, start);
    out.push(`${original.slice(Math.max(0, start - 30), start)}<<${original.slice(start, end)}>>${after}`.replace(/\n/g, '\\n'));
    shift += end - start - m[0].length;
  }
  return out;
}

async function flags(files: TextFile[]): Promise<object> {
  const found: { path: string; kinds: Record<string, number> }[] = [];
  for (const f of files) {
    const result = await redactText(f.text, f.path);
    if (result.redactions === 0) continue;
    found.push({ path: f.path, kinds: result.kinds });
    process.stdout.write(`${f.path} ${JSON.stringify(result.kinds)}\n`);
    if (runsArg === 'values') for (const v of replacedValues(f.text, result.text)) process.stdout.write(`    ${v}\n`);
  }
  const values = found.reduce((sum, f) => sum + Object.values(f.kinds).reduce((a, b) => a + b, 0), 0);
  return { files: files.length, flaggedFiles: found.length, flaggedValues: values };
}

async function speed(files: TextFile[], runs: number): Promise<object> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (const f of files) await redactText(f.text, f.path);
    const used = process.cpuUsage(cpuStart);
    // The first run warms up the JIT and secretlint.
    if (i > 0) {
      wall.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  const median = (xs: number[]): number => Number(([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0).toFixed(0));
  const mb = files.reduce((s, f) => s + Buffer.byteLength(f.text), 0) / 1e6;
  return { files: files.length, mb: Number(mb.toFixed(1)), runs, wallMs: median(wall), cpuMs: median(cpu), minWallMs: Number(Math.min(...wall).toFixed(0)) };
}

async function main(root: string): Promise<void> {
  const files = textFilesUnder(root);
  const result = mode === 'flags' ? await flags(files) : await speed(files, Number(runsArg ?? 5));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

void main(dir);
