import { InvalidArgumentError } from 'commander';

const TOKEN_SUFFIXES: Record<string, number> = { '': 1, k: 1_000, m: 1_000_000 };
const BYTE_SUFFIXES: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

function parseScaled(value: string, suffixes: Record<string, number>, what: string, examples: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const scale = match ? suffixes[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || scale === undefined) {
    throw new InvalidArgumentError(`"${value}" is not a ${what}. Use a whole number or one with a suffix, e.g. ${examples}.`);
  }
  const result = Math.round(Number(match[1]) * scale);
  if (!Number.isSafeInteger(result)) throw new InvalidArgumentError(`"${value}" is too large.`);
  return result;
}

/** Token counts: `128000`, `128k`, `1m`, `1.5m` (k = 1,000, m = 1,000,000). */
export function parseTokenCount(value: string): number {
  const n = parseScaled(value, TOKEN_SUFFIXES, 'token count', '128000, 128k, 1m or 1.5m');
  if (n <= 0) throw new InvalidArgumentError(`"${value}" must be more than zero tokens.`);
  return n;
}

/** A reserve may be zero. */
export function parseReserve(value: string): number {
  return parseScaled(value, TOKEN_SUFFIXES, 'token count', '0, 4000 or 8k');
}

/** Byte sizes: `500000`, `500kb`, `2mb` (k = 1,024). */
export function parseByteSize(value: string): number {
  const n = parseScaled(value, BYTE_SUFFIXES, 'size in bytes', '500000, 512kb or 2mb');
  if (n <= 0) throw new InvalidArgumentError(`"${value}" must be more than zero bytes.`);
  return n;
}

/** A whole number of at least one, e.g. a commit count. */
export function parsePositiveInteger(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of at least 1.`);
  return n;
}

/** Collects a repeatable option's values. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
