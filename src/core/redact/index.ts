/**
 * Redact stage: secrets never leave the machine. Each secret value is replaced by
 * `[REDACTED:<kind>]`; every other byte of the text stays as it was. Files that are secrets by
 * nature never get here: the scan drops them (see {@link isSecretFileName}).
 */
import type { ReadFile, RedactedFile } from '../types';
import { applySpans, ownFindings, spansOf, type RedactionSpan } from './findings';
import { secretlintMightFind } from './secretlintHints';

export { isSecretFileName } from './secretFileName';
export type { RedactionSpan } from './findings';

/** Result of {@link redactText}. */
export interface RedactionResult {
  text: string;
  /** Number of values replaced. */
  redactions: number;
  /** Replacements per kind, e.g. `{ "github-token": 2 }`. */
  kinds: Record<string, number>;
}

/** Where the secrets in `text` are; `path` (optional) helps secretlint pick its rules. */
export async function findSecrets(text: string, path?: string): Promise<RedactionSpan[]> {
  const findings = ownFindings(text, path);
  // secretlint (and its rule presets) load on the first text its prefilter lets through.
  if (secretlintMightFind(text)) findings.push(...(await (await import('./secretlintFindings')).secretlintFindings(text, path)));
  return findings.length === 0 ? [] : spansOf(findings);
}

/**
 * `text` with the spans {@link findSecrets} gave for it replaced: the same result as redacting
 * it again, without the scan.
 */
export function applyRedactions(text: string, spans: readonly RedactionSpan[]): RedactionResult {
  if (spans.length === 0) return { text, redactions: 0, kinds: {} };
  const redacted = applySpans(text, spans);
  return { text: redacted.text, redactions: spans.length, kinds: redacted.kinds };
}

/** Replaces every secret value in `text`; `path` (optional) helps secretlint pick its rules. */
export async function redactText(text: string, path?: string): Promise<RedactionResult> {
  return applyRedactions(text, await findSecrets(text, path));
}

/** A file with its secrets redacted, and where they were (to redact the same bytes again without a scan). */
export type RedactedFileWithSpans = RedactedFile & { spans: RedactionSpan[] };

/** The file with its secrets redacted and counted. */
export async function redactFile(file: ReadFile): Promise<RedactedFileWithSpans> {
  const spans = await findSecrets(file.text, file.path);
  const result = applyRedactions(file.text, spans);
  return { ...file, text: result.text, redactions: result.redactions, redactionKinds: result.kinds, spans };
}
export { REDACTION_VERSION } from './version';
