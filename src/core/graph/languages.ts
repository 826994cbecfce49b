import { languageForPath, type ParserLanguage } from '../parser';
import type { OtherLanguage } from './extractOther';

/** How a file's imports are read: a JS-family grammar, a component's `<script>` blocks, or another family. */
export type ImportLanguage =
  | { family: 'js'; grammar: ParserLanguage | 'component' }
  | { family: OtherLanguage };

const OTHER_BY_GRAMMAR: Partial<Record<ParserLanguage, OtherLanguage>> = {
  python: 'python', go: 'go', rust: 'rust', java: 'java', cpp: 'c', csharp: 'csharp', ruby: 'ruby', php: 'php',
};

/** The import language of `path`, or null for files that import nothing (docs, data, configs). */
export function importLanguageOf(path: string): ImportLanguage | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.vue') || lower.endsWith('.svelte')) return { family: 'js', grammar: 'component' };
  if (lower.endsWith('.kt') || lower.endsWith('.kts')) return { family: 'kotlin' };
  const grammar = languageForPath(path);
  if (grammar === null) return null;
  const other = OTHER_BY_GRAMMAR[grammar];
  return other === undefined ? { family: 'js', grammar } : { family: other };
}
