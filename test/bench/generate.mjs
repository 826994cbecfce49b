// A seeded generator of large source trees: mixed languages, files that import each other with
// each language's own syntax, realistic identifiers, comments and strings. Same seed, same tree.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** mulberry32: small, fast, good enough for test data. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ('user account order item cart price total count index value key name path file node tree graph edge ' +
  'cache store queue stream buffer token parser lexer render view model state event handler request response client ' +
  'server session config option setting result error status message data record entry list map set table row column ' +
  'query filter sort page limit offset range time date batch job task worker pool thread lock signal channel').split(' ');
const LANGS = ['ts', 'ts', 'ts', 'js', 'py', 'go', 'rs', 'java'];

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}
function ident(rand, parts = 2) {
  let out = pick(rand, WORDS);
  for (let i = 1; i < parts; i++) {
    const w = pick(rand, WORDS);
    out += w[0].toUpperCase() + w.slice(1);
  }
  return out;
}
function snake(name) {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

function filePath(index, ext) {
  const pkg = `pkg${String(Math.floor(index / 1000)).padStart(3, '0')}`;
  const mod = `mod${String(Math.floor(index / 100) % 10)}`;
  return `${pkg}/${mod}/file${String(index).padStart(6, '0')}.${ext}`;
}

function importLine(lang, fromPath, toPath, name) {
  const rel = relative(dirname(fromPath), toPath).replace(/\\/g, '/');
  const spec = (rel.startsWith('.') ? rel : `./${rel}`).replace(/\.(ts|js)$/, '');
  const mod = toPath.replace(/\.[a-z]+$/, '').replace(/\//g, '.');
  switch (lang) {
    case 'ts':
    case 'js':
      return `import { ${name} } from '${spec}';`;
    case 'py':
      return `from ${mod} import ${snake(name)}`;
    case 'go':
      return `import "example.com/gen/${dirname(toPath)}"`;
    case 'rs':
      return `use crate::${mod.replace(/\./g, '::')}::${snake(name)};`;
    default:
      return `import gen.${mod}.${name[0].toUpperCase() + name.slice(1)};`;
  }
}

function body(lang, rand) {
  const fn = ident(rand, 3);
  const a = ident(rand);
  const b = ident(rand);
  const n = Math.floor(rand() * 1000);
  switch (lang) {
    case 'ts':
      return `/**\n * Computes the ${a} for a ${b}; returns ${n} when nothing matches.\n */\nexport function ${fn}(${a}: number, ${b}: string[]): number {\n  const found = ${b}.filter((x) => x.length > ${a});\n  if (found.length === 0) return ${n};\n  return found.reduce((sum, x) => sum + x.length, 0) * ${a};\n}\n\n`;
    case 'js':
      return `// ${a} and ${b} together make the ${fn}.\nexport function ${fn}(${a}, ${b}) {\n  const result = { ${a}, ${b}, limit: ${n} };\n  return Object.keys(result).length > 2 ? result : null;\n}\n\n`;
    case 'py':
      return `def ${snake(fn)}(${snake(a)}, ${snake(b)}):\n    """Return the ${a} for a ${b} (at most ${n})."""\n    total = 0\n    for item in ${snake(b)}:\n        total += len(str(item)) + ${snake(a)}\n    return min(total, ${n})\n\n\n`;
    case 'go':
      return `// ${fn[0].toUpperCase() + fn.slice(1)} returns the ${a} of a ${b}.\nfunc ${fn[0].toUpperCase() + fn.slice(1)}(${a} int, ${b} []string) int {\n\ttotal := ${n}\n\tfor _, s := range ${b} {\n\t\ttotal += len(s) * ${a}\n\t}\n\treturn total\n}\n\n`;
    case 'rs':
      return `/// Returns the ${a} of a ${b}.\npub fn ${snake(fn)}(${snake(a)}: usize, ${snake(b)}: &[String]) -> usize {\n    ${snake(b)}.iter().map(|s| s.len() * ${snake(a)}).sum::<usize>() + ${n}\n}\n\n`;
    default:
      return `    /** Returns the ${a} of a ${b}. */\n    public static int ${fn}(int ${a}, String[] ${b}) {\n        int total = ${n};\n        for (String s : ${b}) total += s.length() * ${a};\n        return total;\n    }\n\n`;
  }
}

/**
 * Writes `count` files under `root` (≈10 KB each on average, so 100,000 files ≈ 1 GB).
 * @returns file count and total bytes
 */
export function generateTree(root, count, seed) {
  const rand = random(seed);
  let bytes = 0;
  let lastDir = '';
  for (let i = 0; i < count; i++) {
    const lang = LANGS[i % LANGS.length];
    const path = filePath(i, lang);
    const lines = [];
    const imports = 2 + Math.floor(rand() * 6);
    for (let k = 0; k < imports && i > 0; k++) {
      // Files import earlier files of their own language.
      let target = Math.floor(rand() * i);
      while (target > 0 && LANGS[target % LANGS.length] !== lang) target--;
      if (LANGS[target % LANGS.length] !== lang) continue;
      lines.push(importLine(lang, path, filePath(target, lang), ident(rand, 3)));
    }
    if (lang === 'go') lines.unshift(`package mod${Math.floor(i / 100) % 10}`);
    let text = `${lines.join('\n')}\n\n`;
    if (lang === 'java') text += `public class File${i} {\n`;
    const target = 2000 + Math.floor(rand() * 16000);
    while (text.length < target) text += body(lang, rand);
    if (lang === 'java') text += '}\n';
    const abs = join(root, path);
    const dir = dirname(abs);
    if (dir !== lastDir) mkdirSync((lastDir = dir), { recursive: true });
    writeFileSync(abs, text);
    bytes += text.length;
  }
  return { files: count, bytes };
}
