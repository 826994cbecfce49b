/**
 * The English words of a {@link PackProblem}, used as `PackError.message` (the CLI prints it,
 * tests read it). The extension words the same data through l10n instead.
 */
import type { PackProblem } from './types';

/** Says what is wrong with the request and how to fix it, in English. */
export function describePackProblem(problem: PackProblem): string {
  switch (problem.code) {
    case 'no-roots':
      return 'Nothing to pack: give at least one folder.';
    case 'encoding-mismatch':
      return `This pack asks for ${problem.requested} but the token counter counts ${problem.counter}; create the engine with a counter for that encoding.`;
    case 'focus-outside-roots':
    case 'scope-outside-roots':
      return `The ${problem.code === 'focus-outside-roots' ? 'focus' : 'scope'} path "${problem.path}" is outside the folders being packed (${problem.roots.join(', ')}). Give a path inside one of them, absolute or relative to the first.`;
    case 'budget-too-small':
      return (
        `A budget of ${problem.budget} tokens is too small: the preamble, ${problem.withSections ? 'the diff, log and instructions, ' : ''}the directory tree and the summary ` +
        `need ${problem.fixedTokens} tokens${problem.reserve > 0 ? ` and the reserve ${problem.reserve} more` : ''}. ` +
        `Give a budget of at least ${problem.minimum}, or pack fewer files.`
      );
  }
}
