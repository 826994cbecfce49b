/** Secret findings as character ranges, and writing `[REDACTED:<kind>]` over them. */
import { KeywordGate, type RankedRule } from './prefilter';
import { SECRET_RULES } from './rules';

/** A secret at `text.slice(start, end)`. Lower `priority` wins where findings overlap. */
export interface Finding {
  start: number;
  end: number;
  kind: string;
  priority: number;
}

/** The rules with the `d` flag, which reports where the `secret` group sits, and their rank. */
const RANKED: readonly RankedRule[] = SECRET_RULES.map((rule, priority) => ({
  ...rule,
  pattern: new RegExp(rule.pattern.source, `${rule.pattern.flags}d`),
  priority,
}));

/**
 * Compiled on the first text redacted (about 10 ms): a run whose texts all come from the facts
 * store, or a saved pack, never needs it.
 */
let gate: KeywordGate | undefined;

/** Characters before a match that a rule's check may look at. */
const BEFORE = 64;

/** Findings of Tome's own rules in `text`; `path` tells code from config files. */
export function ownFindings(text: string, path?: string): Finding[] {
  const findings: Finding[] = [];
  for (const rule of (gate ??= new KeywordGate(RANKED)).rulesFor(text)) {
    for (const match of text.matchAll(rule.pattern)) {
      const value = match.groups?.secret ?? match[0];
      const name = match.groups?.name;
      if (value.length === 0) continue;
      const groups = match.groups;
      const before = text.slice(Math.max(0, match.index - BEFORE), match.index);
      if (rule.accept && !rule.accept(value, { name, quote: groups?.quote, separator: groups?.sep, path, before })) continue;
      const [secretStart, end] = match.indices?.groups?.secret ?? [match.index, match.index + match[0].length];
      const lead = rule.lead ? rule.lead.exec(before) : undefined;
      if (lead === null) continue;
      const start = secretStart - (lead?.[0].length ?? 0);
      const kind = rule.kindOfName && name !== undefined ? rule.kindOfName(name) : rule.kind;
      findings.push({ start, end, kind, priority: rule.priority });
    }
  }
  return findings;
}

/** Keeps one finding per overlapping group: the highest-priority one, then the longest. */
function withoutOverlaps(findings: readonly Finding[]): Finding[] {
  const ranked = [...findings].sort((a, b) => a.priority - b.priority || b.end - b.start - (a.end - a.start));
  const kept: Finding[] = [];
  for (const f of ranked) {
    if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * What redaction replaces in one text: `[start, end, kind]` ranges of UTF-16 units, in order,
 * none overlapping. Small, plain data (most files have none), so it can be remembered per content
 * hash and applied again without scanning the text for secrets.
 */
export type RedactionSpan = readonly [start: number, end: number, kind: string];

/** The ranges to replace: one finding per overlapping group, in text order. */
export function spansOf(findings: readonly Finding[]): RedactionSpan[] {
  return withoutOverlaps(findings).map((f) => [f.start, f.end, f.kind] as const);
}

/** `text` with every span replaced by `[REDACTED:<kind>]`, and the count per kind. */
export function applySpans(text: string, spans: readonly RedactionSpan[]): { text: string; kinds: Record<string, number> } {
  const kinds: Record<string, number> = {};
  let out = '';
  let at = 0;
  for (const [start, end, kind] of spans) {
    out += `${text.slice(at, start)}[REDACTED:${kind}]`;
    at = end;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return { text: out + text.slice(at), kinds };
}
