// A seeded generator of a Python-heavy tree: packages with `__init__.py`, and every import form
// the graph reads (absolute, relative, `from x import y`, parenthesised multi-line lists,
// `try/except ImportError`, `if TYPE_CHECKING:` blocks, imports inside functions), around bodies
// with docstrings, comments and strings that mention `import` without being imports.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { random } from './generate.mjs';

const WORDS = ('user account order item cart price total count index value key name path file node tree graph edge ' +
  'cache store queue stream buffer token parser lexer render view model state event handler request response client ' +
  'server session config option setting result error status message data record entry list map set table row column').split(' ');

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const name = (rand, parts = 2) => Array.from({ length: parts }, () => pick(rand, WORDS)).join('_');
const cls = (rand) => name(rand, 2).split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/** Module i lives at gen/pkgNN/subM/modIIIIII.py; every tenth is that subpackage's `__init__.py`. */
function modulePath(i) {
  const pkg = `pkg${String(Math.floor(i / 100)).padStart(2, '0')}`;
  const sub = `sub${Math.floor(i / 10) % 10}`;
  return i % 10 === 0 ? ['gen', pkg, sub] : ['gen', pkg, sub, `mod${String(i).padStart(6, '0')}`];
}
const fileOf = (i) => `${modulePath(i).join('/')}${i % 10 === 0 ? '/__init__.py' : '.py'}`;

/** A relative spelling of module `to` seen from module `from` (`.x`, `..sub1.x`, `...pkg02.sub3`), or null. */
function relativeName(from, to) {
  const pkgOf = (i) => (i % 10 === 0 ? modulePath(i) : modulePath(i).slice(0, -1));
  const here = pkgOf(from);
  const there = modulePath(to);
  let common = 0;
  while (common < here.length && common < there.length && here[common] === there[common]) common++;
  if (common === 0) return null;
  const dots = '.'.repeat(here.length - common + 1);
  return `${dots}${there.slice(common).join('.')}`;
}

function importBlock(rand, i, targets) {
  const lines = ['from __future__ import annotations', '', 'import os', 'import sys', 'from typing import TYPE_CHECKING, Any', ''];
  const checking = [];
  for (const t of targets) {
    const abs = modulePath(t).join('.');
    const rel = relativeName(i, t);
    switch (Math.floor(rand() * 7)) {
      case 0: lines.push(`import ${abs}`); break;
      case 1: lines.push(`import ${abs} as ${name(rand)}_mod`); break;
      case 2: lines.push(`from ${abs} import ${name(rand)}, ${cls(rand)}`); break;
      case 3: lines.push(`from ${rel ?? abs} import (`, `    ${name(rand)},`, `    ${cls(rand)} as ${cls(rand)}Alias,  # renamed`, `    ${name(rand)},`, ')'); break;
      case 4: lines.push('try:', `    from ${rel ?? abs} import ${name(rand)}`, 'except ImportError:  # optional speedup', `    ${name(rand)} = None`); break;
      case 5: checking.push(`    from ${abs} import ${cls(rand)}`); break;
      default: lines.push(`from ${rel ?? abs} import *  # noqa: F401,F403`); break;
    }
  }
  if (checking.length > 0) lines.push('', 'if TYPE_CHECKING:', ...checking);
  return `${lines.join('\n')}\n\n`;
}

function body(rand, i, lateTarget) {
  const fn = name(rand, 3);
  const a = name(rand);
  const b = name(rand);
  const n = Math.floor(rand() * 1000);
  const choice = Math.floor(rand() * 5);
  if (choice === 0 && lateTarget !== undefined) {
    return `def ${fn}(${a}):\n    # imported here to break an import cycle\n    from ${modulePath(lateTarget).join('.')} import ${b}\n\n    return ${b}(${a}) + ${n}\n\n\n`;
  }
  if (choice === 1) {
    return `class ${cls(rand)}:\n    """A ${a} that keeps a ${b}.\n\n    Example::\n\n        from gen.examples import ${b}  # not a real import\n        import ${a}\n    """\n\n    limit = ${n}\n\n    def __init__(self, ${a}: Any = None) -> None:\n        self.${a} = ${a}\n        self.label = "import ${b} from here" if ${a} else '${b}'\n\n    def ${fn}(self, *items: Any) -> int:\n        total = 0\n        for item in items:\n            total += len(str(item)) * ${n % 7 + 1}\n        return min(total, self.limit)\n\n\n`;
  }
  if (choice === 2) {
    return `${fn.toUpperCase()} = {\n    "${a}": ${n},\n    "${b}": (${n % 13}, ${n % 17}),\n    'note': """import ${a}\nfrom ${b} import x""",\n}\n\n\n`;
  }
  return `def ${fn}(${a}, ${b}=None):\n    """Return the ${a} for a ${b} (at most ${n})."""\n    total = 0\n    for item in ${a} or ():\n        if item is ${b}:\n            continue\n        total += len(str(item)) + ${n % 11}\n    return min(total, ${n})\n\n\n`;
}

/**
 * Writes `count` Python modules under `root` (≈16 KB each on average, so 2,000 files ≈ 33 MB),
 * plus the `__init__.py` of `gen` and each `gen/pkgNN`.
 * @returns file count and total bytes
 */
export function generatePythonTree(root, count, seed) {
  const rand = random(seed);
  let bytes = 0;
  let files = 0;
  const write = (path, text) => {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    bytes += Buffer.byteLength(text);
    files++;
  };
  write('gen/__init__.py', '"""Generated package root."""\n');
  for (let p = 0; p * 100 < count; p++) write(`gen/pkg${String(p).padStart(2, '0')}/__init__.py`, `from . import sub0\n`);
  for (let i = 0; i < count; i++) {
    const targets = [];
    const imports = i === 0 ? 0 : 2 + Math.floor(rand() * 6);
    for (let k = 0; k < imports; k++) targets.push(Math.floor(rand() * i));
    let text = `"""Module ${i}: ${name(rand, 4).replace(/_/g, ' ')}.\n\nimport this  # inside the docstring, not an import\n"""\n${importBlock(rand, i, targets)}`;
    const size = 4000 + Math.floor(rand() * 25000);
    while (text.length < size) text += body(rand, i, i > 0 ? Math.floor(rand() * i) : undefined);
    write(fileOf(i), text);
  }
  return { files, bytes };
}
