/** Secret findings as character ranges, and writing `[REDACTED:<kind>]` over them. */
import { DETECTORS } from './detectors';

/** A secret at `text.slice(start, end)`. Lower `priority` wins where findings overlap. */
export interface Finding {
  start: number;
  end: number;
  kind: string;
  priority: number;
}

/** The detectors with the `d` flag, which reports where the `secret` group sits. */
const WITH_INDICES = DETECTORS.map((d) => ({ ...d, pattern: new RegExp(d.pattern.source, `${d.pattern.flags}d`) }));

/** Findings of Tome's own detectors in `text`; `path` tells code from config files. */
export function ownFindings(text: string, path?: string): Finding[] {
  const findings: Finding[] = [];
  WITH_INDICES.forEach((detector, priority) => {
    for (const match of text.matchAll(detector.pattern)) {
      const value = match.groups?.secret ?? match[0];
      const name = match.groups?.name;
      if (value.length === 0 || (detector.accept && !detector.accept(value, { name, quote: match.groups?.quote, path }))) continue;
      const [start, end] = match.indices?.groups?.secret ?? [match.index, match.index + match[0].length];
      const kind = detector.kindOfName && name !== undefined ? detector.kindOfName(name) : detector.kind;
      findings.push({ start, end, kind, priority });
    }
  });
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

/** `text` with every finding replaced, and the count per kind. */
export function applyFindings(text: string, findings: readonly Finding[]): { text: string; kinds: Record<string, number> } {
  const kinds: Record<string, number> = {};
  let out = '';
  let at = 0;
  for (const f of withoutOverlaps(findings)) {
    out += `${text.slice(at, f.start)}[REDACTED:${f.kind}]`;
    at = f.end;
    kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  }
  return { text: out + text.slice(at), kinds };
}
