import { describe, expect, it } from 'vitest';
import { MemoryFactStore, RETAINED_PACKS } from '../../src/core/facts/memoryStore';

describe('MemoryFactStore', () => {
  it('keys a fact by kind, content hash and parameters', () => {
    const store = new MemoryFactStore();
    store.beginPack();
    store.set('outline', 'h1', 'a.ts', 'export function a(): void;');
    store.set('outline', 'h1', 'a.py', null);
    expect(store.get('outline', 'h1', 'a.ts')).toBe('export function a(): void;');
    expect(store.get('outline', 'h1', 'a.py')).toBeNull();
    expect(store.get('outline', 'h2', 'a.ts')).toBeUndefined();
    expect(store.get('redaction', 'h1', 'a.ts')).toBeUndefined();
  });

  it('keeps a fact while any of the last packs used it, and forgets it after that', () => {
    const store = new MemoryFactStore();
    store.beginPack();
    store.set('outline', 'kept', 'k.ts', 'k');
    store.set('outline', 'dropped', 'd.ts', 'd');
    store.endPack();
    for (let i = 1; i < RETAINED_PACKS; i++) {
      store.beginPack();
      // Another caller's packs in between touch only their own facts.
      expect(store.get('outline', 'kept', 'k.ts')).toBe('k');
      store.endPack();
    }
    expect(store.size).toBe(2);
    store.beginPack();
    store.endPack();
    expect(store.get('outline', 'dropped', 'd.ts')).toBeUndefined();
    expect(store.get('outline', 'kept', 'k.ts')).toBe('k');
  });
});
