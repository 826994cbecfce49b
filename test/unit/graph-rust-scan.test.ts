import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractOtherFacts } from '../../src/core/graph/extractOther';
import type { FileFacts } from '../../src/core/graph/facts';
import { scanRustFacts } from '../../src/core/graph/rustScan';
import { readTree } from './graphSupport';

/**
 * Real Rust trees for the agreement check, copied there by hand (ripgrep's and tokio's sources);
 * each check is skipped without its tree, and nothing of them is committed.
 */
const LOCAL_TREES = ['ripgrep/crates', 'tokio'].map((name) => join(__dirname, '..', 'bench', '.cache', 'trees', name));

const withoutFlag = ({ syntaxError: _ignored, ...facts }: FileFacts): FileFacts => facts;

async function bothPaths(text: string): Promise<[FileFacts, FileFacts]> {
  return [withoutFlag(await extractOtherFacts(text, 'rust', true)), withoutFlag(await extractOtherFacts(text, 'rust', false))];
}

async function expectAgreement(dir: string): Promise<{ files: number; scanned: number }> {
  const files = readTree(dir).filter((f) => f.path.endsWith('.rs'));
  let scanned = 0;
  for (const { path, text } of files) {
    const [fast, parsed] = await bothPaths(text);
    expect(fast, path).toEqual(parsed);
    if (scanRustFacts(text) !== null) scanned++;
  }
  return { files: files.length, scanned };
}

const SOURCE = [
  '//! Crate docs: use not::this;',
  '#![allow(dead_code)]',
  'extern crate alloc;',
  'extern "C" { fn abs(x: i32) -> i32; }',
  '#[path = "sys/unix.rs"]',
  'pub(crate) mod sys;',
  '#[cfg(test)]',
  'mod tests;',
  'mod inline {',
  '    use super::sys::{self, Thing as Other};',
  '    mod nested;',
  '}',
  "const S: &str = \"use fake::path; mod fake;\";",
  'const R: &str = r#"use raw::fake; "quoted" mod x;"#;',
  "const C: char = '\"'; const Q: char = '\\'';",
  "fn f<'a>(x: &'a str) -> &'a str { use std::fmt::Write as _; x }",
  'macro_rules! m { ($x:expr) => { use inside::macro_rules; }; }',
  'cfg_if::cfg_if! { if #[cfg(unix)] { use in_macro::call; } }',
  '/* outer /* nested use no::pe; */ mod still_comment; */',
  'fn g() { if !ok() { use in_block::x; } }',
  'use r#type::r#use;',
].join('\n');

describe('the Rust import lexer', () => {
  it('reads use, extern crate and file-level mod declarations, and skips what the parser does not parse', () => {
    expect(scanRustFacts(SOURCE.replace('use r#type::r#use;', ''))).toEqual({
      specifiers: [],
      rustMods: [{ name: 'sys', path: 'sys/unix.rs' }, { name: 'tests' }],
      rustUses: [['alloc'], ['super', 'sys'], ['super', 'sys', 'Thing'], ['std', 'fmt', 'Write'], ['in_block', 'x']],
    });
  });

  it('gives up on text it cannot read for sure, so the parser reads it', () => {
    expect(scanRustFacts(SOURCE)).toBeNull();
    expect(scanRustFacts('fn f() {\nuse a::b;\n')).toBeNull();
    expect(scanRustFacts('const S: &str = "never closed;\nuse a::b;\n')).toBeNull();
    expect(scanRustFacts('/* /* */ use a::b;\n')).toBeNull();
    expect(scanRustFacts('use a::{b, /* c, */ d};\n')).toBeNull();
  });

  it('agrees with the parser on hand-written sources and the fixture tree, reading them itself', async () => {
    const [fast, parsed] = await bothPaths(SOURCE);
    expect(fast).toEqual(parsed);
    const cases = [
      '#[path = "a.rs"]\n// a comment between\nmod a;\n',
      '#[path = "a.rs"]\n#[cfg(unix)]\nmod a;\n',
      '/// docs\n#[path = "b.rs"]\npub mod b;\n',
      "impl<'a> X<'a> { fn f(&self) -> char { 'x' } }\nuse c::d;\n",
      'fn main() { let v = vec![1, 2]; println!("{}", v.len()); }\nuse late::one;\n',
    ];
    for (const text of cases) {
      expect(scanRustFacts(text), text).not.toBeNull();
      const [a, b] = await bothPaths(text);
      expect(a, text).toEqual(b);
    }
    const { files, scanned } = await expectAgreement(join(__dirname, '..', 'fixtures', 'graph-rust'));
    expect(files).toBeGreaterThan(3);
    expect(scanned).toBe(files);
  });

  for (const tree of LOCAL_TREES) {
    it.skipIf(!existsSync(tree))(`agrees with the parser on every file of ${tree.split('trees/')[1] ?? tree}`, async () => {
      const { files, scanned } = await expectAgreement(tree);
      expect(files).toBeGreaterThan(50);
      expect(scanned / files).toBeGreaterThan(0.95);
    }, 120_000);
  }
});
