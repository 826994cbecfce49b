/** Small text helpers for the chat view; no DOM here, so they are unit-tested in Node. */

/** Fills `{0}`, `{1}`… in a translated string. Unknown placeholders are left as they are. */
export function fillPlaceholders(template: string, ...values: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? whole : String(value);
  });
}

/** Token counts the way people read them: 1,234 · 12.3k · 1.23M. */
export function formatTokens(tokens: number): string {
  if (tokens < 10_000) return tokens.toLocaleString('en-US');
  if (tokens < 1_000_000) return `${(tokens / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${(tokens / 1_000_000).toFixed(2).replace(/\.?0+$/, '')}M`;
}

/** Dollars with enough digits to tell small costs apart. */
export function formatCost(dollars: number): string {
  if (dollars === 0) return '$0';
  if (dollars < 0.01) return `$${dollars.toFixed(4)}`;
  return `$${dollars.toFixed(2)}`;
}

/** A request id the host guard accepts: `[A-Za-z0-9_-]{1,64}`. */
export function newRequestId(random: () => number = Math.random): string {
  return `r${Date.now().toString(36)}${Math.floor(random() * 1e9).toString(36)}`;
}
