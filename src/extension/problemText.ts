/** Problems core reports as data (git, config, pack requests, skips, warnings) in the user's language. */
import * as vscode from 'vscode';
import type { ConfigProblem, GitProblem, CacheWriteFailure, PackProblem, PackWarning, SkipReason } from '../core';

/** One git problem as a sentence. */
export function gitProblemText(p: GitProblem): string {
  switch (p.kind) {
    case 'git-missing':
      return vscode.l10n.t('git is not installed or not on the PATH; install git to ask about changes.');
    case 'not-a-repository':
      return vscode.l10n.t('{0} is not in a git repository, so it has no changes to ask about.', p.root);
    case 'no-commits':
      return vscode.l10n.t('The repository at {0} has no commits yet; commit once to compare with it.', p.root);
    case 'unknown-revision':
      return vscode.l10n.t('{0} is not a branch, tag or commit in the repository at {1}.', p.revision, p.root);
    case 'git-failed':
    case 'refused-remote':
    case 'clone-failed':
      return vscode.l10n.t('git failed: {0}', 'detail' in p ? p.detail : p.url);
  }
}

/** One config problem as a sentence naming the file, line and key. */
export function configProblemText(p: ConfigProblem): string {
  if (p.kind === 'unreadable') return vscode.l10n.t('Could not read {0}: {1}.', p.file, p.detail);
  const at = `${p.file}:${p.line}:${p.column}`;
  switch (p.kind) {
    case 'syntax':
      return vscode.l10n.t('{0}: this is not valid JSON ({1}).', at, p.detail);
    case 'not-an-object':
      return vscode.l10n.t('{0}: the file must hold one JSON object.', at);
    case 'unknown-key':
      return vscode.l10n.t('{0}: "{1}" is not a tome.config.json key.', at, p.key);
    case 'not-allowed':
      return vscode.l10n.t('{0}: "{1}" cannot be set in a project file: it may change what is packed, never where code is sent.', at, p.key);
    case 'duplicate-key':
      return vscode.l10n.t('{0}: "{1}" is given twice.', at, p.key);
    case 'wrong-value':
      return vscode.l10n.t('{0}: "{1}" must be {2}.', at, p.key, p.expected);
    case 'instructions-unreadable':
      return vscode.l10n.t('{0}: the instructions file "{1}" cannot be used: {2}.', at, p.path, p.detail);
  }
}

/** A token cache that could not be saved: packing goes on, the next session counts again. */
export function cacheWriteFailureText(f: CacheWriteFailure): string {
  return f.kind === 'disk-full'
    ? vscode.l10n.t('The disk is full, so Tome could not save its token cache in {0} ({1}). Packing goes on; tokens are counted again next time.', f.path, f.code)
    : vscode.l10n.t('Tome could not save its token cache in {0} ({1}). Packing goes on; tokens are counted again next time.', f.path, f.code);
}

/** A pack request that cannot be met, as a sentence saying how to fix it. */
export function packProblemText(p: PackProblem): string {
  switch (p.code) {
    case 'no-roots':
      return vscode.l10n.t('Nothing to pack: open a folder first.');
    case 'encoding-mismatch':
      return vscode.l10n.t('This pack asks for {0} but the token counter counts {1}.', p.requested, p.counter);
    case 'focus-outside-roots':
      return vscode.l10n.t('The focus path "{0}" is outside the folders being packed ({1}).', p.path, p.roots.join(', '));
    case 'scope-outside-roots':
      return vscode.l10n.t('The scope path "{0}" is outside the folders being packed ({1}).', p.path, p.roots.join(', '));
    case 'budget-too-small':
      return vscode.l10n.t('A budget of {0} tokens is too small: the fixed parts of the pack need {1}. Give a budget of at least {2}, or pack fewer files.', p.budget, p.fixedTokens + p.reserve, p.minimum);
  }
}

/** Why a file was left out, as a short phrase for the token report. */
export function skipReasonText(reason: SkipReason): string {
  switch (reason) {
    case 'gitignored':
      return vscode.l10n.t('ignored by .gitignore');
    case 'tomeignored':
      return vscode.l10n.t('ignored by .tomeignore');
    case 'excluded':
      return vscode.l10n.t('excluded by settings');
    case 'default-excluded':
      return vscode.l10n.t('left out by default (dependencies, lock files, build output)');
    case 'not-included':
      return vscode.l10n.t('outside the included files');
    case 'binary':
      return vscode.l10n.t('binary');
    case 'too-large':
      return vscode.l10n.t('over the size limit');
    case 'secret-file':
      return vscode.l10n.t('a secrets file');
    case 'unreadable':
      return vscode.l10n.t('could not be read');
    case 'redaction-failed':
      return vscode.l10n.t('the secret scan failed on it');
    case 'vanished':
      return vscode.l10n.t('disappeared while packing');
    case 'symlink':
      return vscode.l10n.t('a symbolic link');
  }
}

/** A pack warning (data from core) as a sentence. */
export function warningText(w: PackWarning): string {
  switch (w.code) {
    case 'invalid-utf8':
      return vscode.l10n.t('Not valid UTF-8; undecodable bytes were replaced by U+FFFD.');
    case 'over-budget':
      return vscode.l10n.t('The output holds {0} tokens, over the {1} the budget allows.', w.tokens, w.limit);
    case 'not-a-git-repository':
      return vscode.l10n.t('{0} is not inside a git repository; it has no diff or log in this pack.', w.root);
    case 'imports-unreadable':
      return vscode.l10n.t('{0} file(s) could not be read for imports and are packed without import links: {1}.', w.count, w.examples.join(', '));
    case 'syntax-errors':
      return vscode.l10n.t('{0} file(s) have syntax the parser could not read; their imports come from the parts that parsed: {1}.', w.count, w.examples.join(', ') + (w.count > w.examples.length ? ', …' : ''));
    case 'config-not-json':
      return vscode.l10n.t('{0} is not valid JSON, so Tome could not resolve imports through it; fix the file.', w.file);
    case 'extends-not-found':
      return vscode.l10n.t('{0} extends {1}, which was not found; its settings were skipped.', w.file, w.parent);
    case 'paths-match-nothing':
      return vscode.l10n.t('{0}: paths entry "{1}" points to no file in the tree; imports through it stay unresolved.', w.file, w.pattern);
    case 'file-larger-than-part':
      return vscode.l10n.t('{0} ({1} tokens) does not fit a part of {2} tokens.', w.path, w.tokens, w.partTokens);
    case 'part-over-size':
      return vscode.l10n.t('Part {0} holds {1} tokens, over {2}.', w.part, w.tokens, w.partTokens);
  }
}
