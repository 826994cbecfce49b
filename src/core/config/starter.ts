/** The commented starter file `tome init` writes. Every line is optional; comments are allowed. */
export function starterConfigText(): string {
  return `// Tome's packing rules for this project. Commit this file to share them with your team.
// It decides what is packed, never where it is sent: the model, endpoint and key stay in each
// user's own settings. Command-line options win over the values here.
{
  // Pack only files matching these globs (gitignore-style, relative to this folder). Empty: all.
  "include": [],

  // Leave these out too (on top of .gitignore, .tomeignore and the built-in exclusions).
  "exclude": ["**/*.snap", "fixtures/**"],

  // Per-glob modes, first match wins, applied before the budget is fitted:
  // "full" (as budget allows), "outline" (declarations only), "path-only" (in the tree only)
  // or "exclude" (left out).
  "modes": {
    "docs/**": "path-only",
    "**/generated/**": "outline"
  },

  // Token budget for the whole pack, e.g. 128000 or "128k". Leave out for no limit.
  // "budget": "128k",

  // Output format: "xml", "markdown" or "plain".
  "format": "xml",

  // A text file (relative to this folder) whose text heads every pack, e.g. review guidelines.
  // "instructions": "docs/tome-instructions.md",

  // Files larger than this are skipped, e.g. 1048576 or "1mb".
  "maxFileSize": "1mb"
}
`;
}
