import { describe, expect, it } from 'vitest';
import { candidateTrees, reasonRanking as ranking } from './select-support';

const tree = candidateTrees('tome-crowded-');

describe('a file that declares far more names than the other definers', () => {
  it('loses to a small file that defines the question word once', () => {
    // 240 declarations, among them one per question word: some name matches almost any question.
    const helpers = Array.from({ length: 240 }, (_, k) => `export function helper${k}() {\n  return ${k};\n}\n`).join('');
    const small = (name: string): string => `export function ${name}() {\n  return 1;\n}\n`;
    const candidates = tree({
      'src/plugins/everything.ts': `${helpers}export function removeChunk() {\n  return 0;\n}\nexport function workerUrl() {\n  return 0;\n}\nexport function chunkName() {\n  return 0;\n}\n`,
      'src/lib/remover.ts': `${'// notes kept with the code\n'.repeat(400)}${small('removeWorker')}`,
      ...Object.fromEntries(Array.from({ length: 11 }, (_, k) => [`src/misc/m${k}.ts`, small('chunkSize')])),
    });
    // Without the correction everything.ts leads on its three definitions; with it, its definitions
    // count for a tenth and the passage where the words meet is its strongest signal.
    expect(ranking(candidates, 'remove worker chunk').slice(0, 3)).toEqual(['src/lib/remover.ts defines-query', 'src/plugins/everything.ts words-together', 'src/misc/m0.ts query-match']);
  });
});
