/**
 * The two methods of a key-value state that Tome's stores need: VS Code's `Memento`
 * (`globalState`, `workspaceState`) has them, and so does a Map-backed double in tests. Declared
 * here, in the layer every other one may import, so the model client (token calibration) and the
 * chat logic (stored conversations) share one definition without importing each other.
 */
export interface KeyValueState {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}
