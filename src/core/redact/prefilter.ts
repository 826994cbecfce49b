/**
 * The cheap first look of the redact stage: which rules are worth running on this text? One pass
 * (see {@link KeywordScanner}) finds which of all rules' keywords occur; a rule runs only when
 * one of its keywords does. Most files hold none and skip every rule; the rest run a handful,
 * not all of them. Keywords are literals (`hf_`, `hvs.`, `password`), matched in any case.
 */
import { KeywordScanner } from './keywordScan';
import type { SecretRule } from './rule';

/** A rule and its place in the priority order. */
export interface RankedRule extends SecretRule {
  priority: number;
}

/** Finds which rules apply to a text by the keywords it holds. */
export class KeywordGate {
  private readonly scanner: KeywordScanner;
  /** Rules by keyword index. */
  private readonly rulesOfKeyword: RankedRule[][];

  constructor(rules: readonly RankedRule[]) {
    const keywords = [...new Set(rules.flatMap((r) => r.keywords))];
    this.scanner = new KeywordScanner(keywords);
    this.rulesOfKeyword = keywords.map((k) => rules.filter((r) => r.keywords.includes(k)));
  }

  /** The rules whose keywords occur in `text`, in priority order; empty means surely no secret. */
  rulesFor(text: string): RankedRule[] {
    const seen = this.scanner.scan(text);
    if (seen.size === 0) return [];
    const applicable = new Set<RankedRule>();
    for (const keyword of seen) for (const rule of this.rulesOfKeyword[keyword] ?? []) applicable.add(rule);
    return [...applicable].sort((a, b) => a.priority - b.priority);
  }
}
