import type { PackReport } from '../core';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The end-of-run summary: files, tokens, largest files, skips by reason, redactions, warnings. */
export function formatSummary(report: PackReport, destination: string): string {
  const lines: string[] = [];
  const count = (mode: string): number => report.files.filter((f) => f.mode === mode).length;
  const modes = [`${count('full')} full`];
  if (count('outline') > 0) modes.push(`${count('outline')} outline`);
  if (count('path-only') > 0) modes.push(`${count('path-only')} path-only`);
  const budget = report.budget === null ? '' : ` of a ${report.budget - report.reserve} budget`;
  lines.push(`Packed ${plural(report.files.length, 'file')} (${modes.join(', ')}): ${report.totalTokens} tokens${budget} (${report.encoding}), ${report.format} → ${destination}`);
  const largest = [...report.files].filter((f) => f.tokens > 0).sort((a, b) => b.tokens - a.tokens || (a.path < b.path ? -1 : 1)).slice(0, 5);
  if (largest.length > 0) {
    lines.push('Largest files:');
    for (const f of largest) lines.push(`  ${String(f.tokens).padStart(8)}  ${f.path}`);
  }
  if (report.skipped.length > 0) {
    const byReason = new Map<string, number>();
    for (const s of report.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
    const parts = [...byReason].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${n} ${r}`);
    lines.push(`Skipped ${plural(report.skipped.length, 'file')}: ${parts.join(', ')}`);
  }
  const diff = report.git?.diff;
  if (diff) lines.push(`Changes: ${plural(diff.files.length, 'file')} vs ${diff.against}, ranked first.`);
  if (report.git?.log) lines.push(`Log: ${plural(report.git.log.length, 'commit')}.`);
  if (report.redactionCount > 0) lines.push(`Redacted ${plural(report.redactionCount, 'secret value')}.`);
  for (const w of report.warnings) lines.push(`Warning (${w.stage}${w.path ? `, ${w.path}` : ''}): ${w.message}`);
  return `${lines.join('\n')}\n`;
}
