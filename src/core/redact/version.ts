/**
 * The version of what redaction produces. Raise it whenever a rule change alters any file's
 * redacted text: facts persisted from redacted text (imports, outlines) under another version are
 * dropped, not trusted. Its own module, so the facts store can read it without loading the rules.
 */
export const REDACTION_VERSION = 1;
