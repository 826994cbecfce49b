/**
 * The version of what `outlineSource` produces. Raise it whenever an outline changes for any
 * file: outlines persisted under another version are dropped, not trusted. Its own module, so the
 * facts store can read it without loading the parser.
 */
export const OUTLINE_FACTS_VERSION = 1;
