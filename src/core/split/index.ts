/**
 * Splits a pack into numbered parts of at most `partTokens` tokens each. The files keep the
 * whole pack's dependency order and are cut into runs, so every part comes after the parts
 * holding what it imports and starts with what its own files need. Each part is a complete pack
 * of its files (preamble, tree, blocks, summary), counted exactly. A file too large for a part
 * on its own is outlined, or else listed by path, with a warning.
 */
import type { PackEngine } from '../pack/engine';
import type { PackOptions, PackResult } from '../pack/types';
import type { PackRequest } from '../pack/request';
import type { ReportFile } from '../types';
import { worded, type WordedWarning } from '../warnings';

/** One part of a split pack. */
export interface PackPart extends PackResult {
  /** 1-based. */
  index: number;
}

/** The parts and what had to give way. */
export interface SplitResult {
  parts: PackPart[];
  /** Files that did not fit a part in full, and how they were shown instead. */
  warnings: WordedWarning[];
}

/** A gitignore-style glob that matches exactly this pack path. */
function exactGlob(path: string): string {
  return `/${path.replace(/[\\*?[\]!#]/g, '\\$&')}`;
}

/** A rough price of a file's tree line, so the first try is usually right. */
const treeLineGuess = (path: string): number => Math.ceil(path.length / 3) + 2;

/**
 * Packs `request` in parts. The first part carries the instructions, diff and log sections;
 * the others carry files only. `request.budget` is ignored: the part size is the limit.
 */
export async function packInParts(engine: PackEngine, request: PackRequest, partTokens: number, options: PackOptions = {}): Promise<SplitResult> {
  const whole = await engine.pack({ ...request, budget: null, reserve: 0 }, options);
  const files = whole.report.files;
  const sectionFree = { ...request, budget: null, reserve: 0 };
  delete sectionFree.git;
  delete sectionFree.instructions;
  const parts: PackPart[] = [];
  const warnings: WordedWarning[] = [];

  const packFiles = (run: readonly ReportFile[], first: boolean, extraModes: PackRequest['modes'] = []): Promise<PackResult> =>
    engine.pack(
      {
        ...(first ? { ...request, budget: null, reserve: 0 } : sectionFree),
        include: run.map((f) => exactGlob(f.path)),
        modes: [...extraModes, ...(request.modes ?? [])],
        focus: [],
      },
      options,
    );

  const cost = (i: number): number => (files[i]?.tokens ?? 0) + treeLineGuess(files[i]?.path ?? '');
  let overhead = whole.report.totalTokens - files.reduce((n, _f, i) => n + cost(i), 0);
  let start = 0;
  while (start < files.length) {
    const first = parts.length === 0;
    // Guess how many files fit, then pack and shrink or grow until the exact count fits.
    let end = start + 1;
    for (let used = overhead + cost(start); end < files.length && used + cost(end) <= partTokens; end++) used += cost(end);
    let result = await packFiles(files.slice(start, end), first);
    while (result.report.totalTokens > partTokens && end - start > 1) {
      let freed = 0;
      while (end - start > 1 && freed < result.report.totalTokens - partTokens) freed += cost(--end);
      result = await packFiles(files.slice(start, end), first);
    }
    while (result.report.totalTokens <= partTokens && end < files.length) {
      let room = partTokens - result.report.totalTokens;
      let next = end;
      while (next < files.length && cost(next) <= room) room -= cost(next++);
      if (next === end) break;
      const bigger = await packFiles(files.slice(start, next), first);
      if (bigger.report.totalTokens > partTokens) break;
      result = bigger;
      end = next;
    }
    if (result.report.totalTokens > partTokens) {
      const lone = files[start];
      const path = lone?.path ?? '';
      result = await packFiles(files.slice(start, end), first, [{ pattern: exactGlob(path), mode: 'outline' }]);
      let shownAs: 'outline' | 'path-only' = 'outline';
      if (result.report.totalTokens > partTokens || result.report.files[0]?.mode !== 'outline') {
        result = await packFiles(files.slice(start, end), first, [{ pattern: exactGlob(path), mode: 'path-only' }]);
        shownAs = 'path-only';
      }
      warnings.push(worded({ code: 'file-larger-than-part', path, tokens: lone?.tokens ?? 0, partTokens, shownAs }));
      if (result.report.totalTokens > partTokens) {
        warnings.push(worded({ code: 'part-over-size', part: parts.length + 1, tokens: result.report.totalTokens, partTokens }));
      }
    }
    overhead = result.report.totalTokens - result.report.files.reduce((n, f) => n + f.tokens + treeLineGuess(f.path), 0);
    // Assigned, not spread: a spread would read `text` and so join every part's chunks.
    parts.push(Object.assign(result, { index: parts.length + 1 }));
    start = end;
  }
  return { parts, warnings };
}
