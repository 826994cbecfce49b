/**
 * The token report: which files and folders take the most tokens of a pack, as Markdown.
 */
import { type PackReport, type PackWarning, type SkipReason, folderTotals } from '../core';

/** Headings and labels of the report, translated by the caller. */
export interface TokenReportLabels {
  title: string;
  summary: string;
  folders: string;
  files: string;
  folder: string;
  file: string;
  tokens: string;
  share: string;
  mode: string;
  count: string;
  skipped: string;
  /** A skip reason in the reader's language; the reason's code when left out. */
  skipReason?: (reason: SkipReason) => string;
  /** Heading of the warnings section; the section is left out without it. */
  warnings?: string;
  /** A warning in the reader's language; its English `message` when left out. */
  warningText?: (warning: PackWarning) => string;
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** The report as Markdown: a summary line, top folders, top files. */
export function tokenReportMarkdown(report: Pick<PackReport, 'files' | 'skipped' | 'totalTokens'> & Partial<Pick<PackReport, 'warnings'>>, labels: TokenReportLabels, topN = 25): string {
  const fileTokens = report.files.reduce((sum, f) => sum + f.tokens, 0);
  const lines = [`# ${labels.title}`, '', labels.summary, ''];
  lines.push(`## ${labels.folders}`, '', `| ${labels.folder} | ${labels.count} | ${labels.tokens} | ${labels.share} |`, '|---|---:|---:|---:|');
  for (const f of folderTotals(report.files, 2).slice(0, topN)) lines.push(`| ${escapeCell(f.folder)} | ${f.files} | ${f.tokens.toLocaleString('en-US')} | ${percent(f.tokens, fileTokens)} |`);
  lines.push('', `## ${labels.files}`, '', `| ${labels.file} | ${labels.mode} | ${labels.tokens} | ${labels.share} |`, '|---|---|---:|---:|');
  const top = [...report.files].sort((a, b) => b.tokens - a.tokens || a.path.localeCompare(b.path)).slice(0, topN);
  for (const f of top) lines.push(`| ${escapeCell(f.path)} | ${f.mode} | ${f.tokens.toLocaleString('en-US')} | ${percent(f.tokens, fileTokens)} |`);
  if (report.skipped.length > 0) {
    lines.push('', `## ${labels.skipped}`, '');
    const byReason = new Map<SkipReason, number>();
    for (const s of report.skipped) byReason.set(s.reason, (byReason.get(s.reason) ?? 0) + 1);
    const word = labels.skipReason ?? ((reason: SkipReason) => reason);
    for (const [reason, count] of [...byReason].sort((a, b) => b[1] - a[1])) lines.push(`- ${word(reason)}: ${count}`);
  }
  if (labels.warnings !== undefined && report.warnings && report.warnings.length > 0) {
    lines.push('', `## ${labels.warnings}`, '');
    const text = labels.warningText ?? ((w: PackWarning) => w.message);
    for (const w of report.warnings) lines.push(`- ${w.path ? `${w.path}: ` : ''}${text(w)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The status bar text: tokens of the workspace against the model's window. */
export function statusBarText(tokens: number, contextWindow: number): { text: string; overWindow: boolean } {
  const short = (n: number): string => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)}M` : n >= 1000 ? `${Math.round(n / 1000)}k` : String(n));
  return { text: `$(book) ${short(tokens)} / ${short(contextWindow)}`, overWindow: tokens > contextWindow };
}
