import type { KeyValueState } from '../../src/shared/keyValueState';

/** A VS Code Memento double: a Map that, like the real one, stores copies. */
export class MemoryState implements KeyValueState {
  readonly values = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return structuredClone(this.values.get(key)) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.values.set(key, structuredClone(value));
  }
}
