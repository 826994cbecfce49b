/**
 * Expands the argument of a Rust `use` into plain paths of segments:
 * `crate::a::{b, c::d as e, self}` → `[crate,a,b]`, `[crate,a,c,d]`, `[crate,a]`. Globs drop the `*`.
 */
export function splitRustUse(argument: string): string[][] {
  const text = argument.replace(/\s+as\s+\w+/g, '').replace(/\s+/g, '').replace(/^::/, '');
  return expand(text).map((path) => {
    const segments = path.filter((s) => s !== '' && s !== '*');
    if (segments.length > 1 && segments[segments.length - 1] === 'self') segments.pop();
    return segments;
  });
}

function expand(text: string): string[][] {
  const brace = text.indexOf('{');
  if (brace < 0) return [text.split('::')];
  const prefix = text.slice(0, brace).split('::').filter((s) => s !== '');
  const inner = text.slice(brace + 1, text.lastIndexOf('}'));
  return splitTopLevel(inner).flatMap((part) => expand(part).map((rest) => [...prefix, ...rest]));
}

/** Splits `a, b::{c, d}` at top-level commas. */
function splitTopLevel(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.filter((p) => p !== '');
}
