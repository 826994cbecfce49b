import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlineLanguageFor, outlineSource } from '../../src/core/outline';

const FIXTURES = join(__dirname, '..', 'fixtures', 'outline-langs');

/** Each fixture's exported / top-level API names; every function body holds a `BODY_` marker. */
const API: Record<string, string[]> = {
  'shapes.ts': ['readFileSync', 'Stats', 'Point', 'Shape', 'Colour', 'circleArea', 'squareArea', 'Canvas', 'add', 'size', 'loadShapes'],
  'Panel.tsx': ['React', 'PanelProps', 'Panel', 'title'],
  'legacy.js': ['joinParts', 'module.exports', 'helper'],
  'geometry.py': ['math', 'List', '__all__', 'UNIT', 'circle_area', 'Canvas', 'scale', '__init__', 'size'],
  'geometry.go': ['package geometry', 'fmt', 'Point', 'Shape', 'Area', 'Unit', 'CircleArea', 'Describe', 'Handler'],
  'geometry.rs': ['Point', 'Shape', 'area', 'name', 'Colour', 'UNIT', 'circle_area', 'fmt', 'shapes', 'unit_square'],
  'Geometry.java': ['package geo', 'java.util.List', 'Geometry', 'UNIT', 'circleArea', 'Shape', 'area', 'Colour'],
  'geometry.h': ['math.h', 'Point', 'UNIT', 'circle_area', 'square_area'],
  'geometry.c': ['geometry.h', 'counter', 'circle_area', 'main'],
  'Canvas.cs': ['System.Collections.Generic', 'namespace Geo', 'Canvas', 'Size', 'points', 'Area', 'IShape', 'Colour'],
  'canvas.rb': ["require 'json'", 'module Geo', 'Canvas', 'attr_reader :points', 'initialize', 'area', 'self.build'],
  'canvas.cpp': ['namespace geo', 'Canvas', 'size', 'scaled', 'points_', 'Canvas::Canvas', 'describe'],
};

async function outlineOf(name: string): Promise<{ source: string; outline: string }> {
  const source = readFileSync(join(FIXTURES, name), 'utf8');
  const outline = await outlineSource(name, source);
  if (outline === null) throw new Error(`no outline for ${name}`);
  return { source, outline };
}

describe('outlineSource', () => {
  for (const [name, symbols] of Object.entries(API)) {
    it(`keeps every API name of ${name} and drops every function body`, async () => {
      const { source, outline } = await outlineOf(name);
      for (const symbol of symbols) expect(outline, symbol).toContain(symbol);
      expect(source).toContain('BODY_');
      expect(outline).not.toContain('BODY_');
      expect(outline.length).toBeLessThan(source.length);
    });
  }

  it('marks omitted bodies with braces, and with ... in Python', async () => {
    expect((await outlineOf('shapes.ts')).outline).toContain('export function circleArea(radius: number): number { … }');
    expect((await outlineOf('geometry.go')).outline).toContain('func CircleArea(radius float64) float64 { … }');
    expect((await outlineOf('geometry.py')).outline).toMatch(/def __init__\(self, points: List\[float\]\) -> None:\n\s+\.\.\./);
  });

  it('shortens doc comments to their first line and keeps a docstring summary', async () => {
    const ts = (await outlineOf('shapes.ts')).outline;
    expect(ts).toContain('/** Computes the area. */');
    expect(ts).not.toContain('@param radius');
    expect(ts).not.toContain('Licence header');
    const py = (await outlineOf('geometry.py')).outline;
    expect(py).toContain('"""Computes the area of a circle."""');
    expect(py).not.toContain('Longer explanation');
    const rb = (await outlineOf('canvas.rb')).outline;
    expect(rb).toContain('# A canvas of points.');
    expect(rb).not.toContain('Second line dropped');
  });

  it('drops top-level statements that are not declarations', async () => {
    expect((await outlineOf('shapes.ts')).outline).not.toContain('console.log');
    expect((await outlineOf('geometry.py')).outline).not.toContain('__main__');
  });

  it('keeps class members as signatures', async () => {
    const ts = (await outlineOf('shapes.ts')).outline;
    expect(ts).toContain('add(point: T): void { … }');
    expect(ts).toContain('private readonly points: T[] = [];');
    const java = (await outlineOf('Geometry.java')).outline;
    expect(java).toContain('public static double circleArea(double radius) { … }');
  });

  it('shortens long data literals but keeps short ones', async () => {
    const table = Array.from({ length: 60 }, (_, i) => `  ${i},`).join('\n');
    const source = `export const TABLE = [\n${table}\n];\nexport const SMALL = [1, 2];\n`;
    const outline = await outlineSource('table.ts', source);
    expect(outline).toContain('export const TABLE = [ … ];');
    expect(outline).toContain('export const SMALL = [1, 2];');
  });

  it('keeps text around non-ASCII characters intact', async () => {
    const source = 'export const café = "naïve 😀";\nexport function größe(): number {\n  return 1; // BODY\n}\n';
    const outline = await outlineSource('unicode.ts', source);
    expect(outline).toBe('export const café = "naïve 😀";\nexport function größe(): number { … }\n');
  });

  it('returns null for languages it cannot outline', async () => {
    expect(outlineLanguageFor('notes.md')).toBeNull();
    expect(outlineLanguageFor('Makefile')).toBeNull();
    expect(await outlineSource('script.lua', 'function f() return 1 end')).toBeNull();
  });

  it('outlines broken source without throwing', async () => {
    const outline = await outlineSource('broken.ts', 'export function f(: {\n  return BODY_x\n');
    expect(typeof outline).toBe('string');
  });
});
