/**
 * The cheap first look of the redact stage: which rules are worth running on this text? One pass
 * of one regular expression finds which of all rules' keywords occur; a rule runs only when one
 * of its keywords does. Most files hold none and skip every rule; the rest run a handful, not
 * all of them. Keywords are literals (`hf_`, `hvs.`, `password`), matched in any case.
 */
import type { SecretRule } from './rule';

/** A rule and its place in the priority order. */
export interface RankedRule extends SecretRule {
  priority: number;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds which rules apply to a text by the keywords it holds. */
export class KeywordGate {
  private readonly pattern: RegExp;
  /** Rules by keyword, each keyword also standing for the shorter keywords inside it. */
  private readonly rulesOfKeyword = new Map<string, RankedRule[]>();

  constructor(private readonly rules: readonly RankedRule[]) {
    const keywords = [...new Set(rules.flatMap((r) => r.keywords))];
    for (const keyword of keywords) {
      // `sk-ant-` holds `sk-`: where the alternation reports the longer one, the shorter one is there too.
      const inside = keywords.filter((k) => keyword.includes(k));
      this.rulesOfKeyword.set(keyword, rules.filter((r) => r.keywords.some((k) => inside.includes(k))));
    }
    // Longest first, so the alternation reports the most specific keyword at each place.
    const alternation = keywords.sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp).join('|');
    this.pattern = new RegExp(alternation, 'gi');
  }

  /** The rules whose keywords occur in `text`, in priority order; empty means surely no secret. */
  rulesFor(text: string): RankedRule[] {
    const seen = new Set<string>();
    for (const match of text.matchAll(this.pattern)) seen.add(match[0].toLowerCase());
    if (seen.size === 0) return [];
    const applicable = new Set<RankedRule>();
    for (const keyword of seen) for (const rule of this.rulesOfKeyword.get(keyword) ?? []) applicable.add(rule);
    return [...applicable].sort((a, b) => a.priority - b.priority);
  }
}
