/**
 * Redact stage: secrets never leave the machine. Each secret value is replaced by
 * `[REDACTED:<kind>]`; every other byte of the text stays as it was. Files that are secrets by
 * nature never get here: the scan drops them (see {@link isSecretFileName}).
 */
import type { ReadFile, RedactedFile } from '../types';
import { applyFindings, ownFindings } from './findings';
import { secretlintFindings, secretlintMightFind } from './secretlintFindings';

export { isSecretFileName } from './secretFileName';

/** Result of {@link redactText}. */
export interface RedactionResult {
  text: string;
  /** Number of values replaced. */
  redactions: number;
  /** Replacements per kind, e.g. `{ "github-token": 2 }`. */
  kinds: Record<string, number>;
}

/** Replaces every secret value in `text`; `path` (optional) helps secretlint pick its rules. */
export async function redactText(text: string, path?: string): Promise<RedactionResult> {
  const findings = ownFindings(text, path);
  if (secretlintMightFind(text)) findings.push(...(await secretlintFindings(text, path)));
  if (findings.length === 0) return { text, redactions: 0, kinds: {} };
  const redacted = applyFindings(text, findings);
  const redactions = Object.values(redacted.kinds).reduce((sum, n) => sum + n, 0);
  return { text: redacted.text, redactions, kinds: redacted.kinds };
}

/** The file with its secrets redacted and counted. */
export async function redactFile(file: ReadFile): Promise<RedactedFile> {
  const result = await redactText(file.text, file.path);
  return { ...file, text: result.text, redactions: result.redactions, redactionKinds: result.kinds };
}
export { REDACTION_VERSION } from './version';
