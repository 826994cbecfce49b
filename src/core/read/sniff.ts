/**
 * Telling text from binary by the first bytes, the way git and most editors do: a NUL byte means
 * binary; so does a high share of control bytes that text never holds.
 */

/** How many leading bytes are inspected. */
export const SNIFF_BYTES = 8 * 1024;

/** Above this share of control bytes a file is binary (text has tabs and newlines, little else). */
const CONTROL_RATIO = 0.1;

/** The byte-order mark a file starts with, if any. */
export type ByteOrderMark = 'utf-8' | 'utf-16le' | 'utf-16be' | null;

/** Reads the byte-order mark at the start of `bytes`. */
export function byteOrderMark(bytes: Uint8Array): ByteOrderMark {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** True when a control byte other than tab, newline, form feed, carriage return or escape. */
function isOddControl(byte: number): boolean {
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1b) || byte === 0x7f;
}

/** True when the first {@link SNIFF_BYTES} of `bytes` look binary. UTF-16 text (with a BOM) is not. */
export function looksBinary(bytes: Uint8Array): boolean {
  const bom = byteOrderMark(bytes);
  if (bom === 'utf-16le' || bom === 'utf-16be') return false;
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let odd = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number;
    if (byte === 0) return true;
    if (isOddControl(byte)) odd++;
  }
  return end > 0 && odd / end > CONTROL_RATIO;
}
