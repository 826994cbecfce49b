import { describe, expect, it } from 'vitest';
import { codeMentionScores, fileNameScores } from '../../src/core/select/mentions';
import { idf } from '../../src/core/select/queryMatch';
import { candidateTrees, reasonRanking as ranking } from './select-support';

/** Writes `files` into a fresh temporary folder and loads them as candidates. */
const tree = candidateTrees('tome-mentions-');

describe('code mentions', () => {
  it('scores whole identifiers written verbatim, a trailing underscore as a prefix', () => {
    const texts = ['x = `import.meta.ROLLDOWN_FILE_URL_${id}`', 'const file_url = 1; // FILE_URL', 'SaveUploadedFileNow()', 'c.SaveUploadedFile(f)'];
    const scores = codeMentionScores(texts, ['ROLLDOWN_FILE_URL_', 'SaveUploadedFile']);
    expect(scores).toEqual([idf(4, 1), 0, 0, idf(4, 1)]);
    expect(codeMentionScores(texts, [])).toEqual([0, 0, 0, 0]);
  });

  it('ranks the file that writes the question\'s code above files sharing only its words', () => {
    const candidates = tree({
      'src/asset.ts': 'export function renderAsset(id: string) {\n  return `import.meta.ROLLDOWN_FILE_URL_${id}`\n}\n',
      'src/url.ts': 'export function fileUrl(file: string) {\n  const url = file\n  return url\n}\n// file url rolldown\n',
      'src/other.ts': 'export const other = 1\n',
    });
    expect(ranking(candidates, 'use `import.meta.ROLLDOWN_FILE_URL_*` for assets')).toEqual(['src/asset.ts query-match', 'src/url.ts query-match', 'src/other.ts fits']);
  });
});

describe('file names', () => {
  it('scores question stems in the file\'s own name by their rarity among names, not its folders', () => {
    const paths = ['crates/ignore/src/default_types.rs', 'crates/ignore/src/types.rs', 'crates/ignore/src/walk.rs', 'crates/types/src/lib.rs'];
    expect(fileNameScores(paths, ['ignore', 'type'])).toEqual([idf(4, 2), idf(4, 2), 0, 0]);
  });

  it('lifts the file named after a question word above one that only writes it more often', () => {
    const candidates = tree({
      'src/walk.rs': `pub fn walk() {}\n${'// walk the ignore type list\n'.repeat(12)}`,
      'src/default_types.rs': 'pub const DEFAULT: &[(&str, &str)] = &[("rust", "*.rs")];\n// ignore type\n',
      'src/lib.rs': 'pub mod walk;\n',
    });
    expect(ranking(candidates, 'ignore/types: add PKGBUILD type')).toEqual(['src/default_types.rs path-match', 'src/walk.rs query-match', 'src/lib.rs fits']);
  });
});
