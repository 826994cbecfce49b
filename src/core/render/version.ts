/**
 * The version of the file blocks the renderers write. Raise it whenever any renderer's
 * `fileBlock` output changes: token counts persisted per file block (see src/core/pack/blocks.ts)
 * under another version are dropped, not trusted. Its own module, so the facts store can read it
 * without loading the renderers.
 */
export const RENDER_VERSION = 1;
