import type { PackRequest } from '../pack/request';
import type { TomeConfig } from './types';

/** The request fields a config file and the command line (or settings) can both set. */
export type SharedFields = Pick<PackRequest, 'include' | 'exclude' | 'budget' | 'format' | 'maxFileSize'>;

/**
 * Combines a config file with what the user gave this time. What the user gave wins: `budget`,
 * `format` and `maxFileSize` replace the file's; `include` replaces it when non-empty; `exclude`
 * adds to it (leaving out more can never send more). `modes` and the instructions come from the
 * file only.
 */
export function mergeConfig(config: TomeConfig | null, given: Partial<SharedFields>): Partial<PackRequest> {
  const out: Partial<PackRequest> = {};
  const include = given.include && given.include.length > 0 ? given.include : config?.include;
  if (include) out.include = include;
  const exclude = [...(config?.exclude ?? []), ...(given.exclude ?? [])];
  if (exclude.length > 0) out.exclude = [...new Set(exclude)];
  const budget = given.budget !== undefined ? given.budget : config?.budget;
  if (budget !== undefined) out.budget = budget;
  const format = given.format ?? config?.format;
  if (format) out.format = format;
  const maxFileSize = given.maxFileSize ?? config?.maxFileSize;
  if (maxFileSize !== undefined) out.maxFileSize = maxFileSize;
  if (config?.modes && config.modes.length > 0) out.modes = config.modes;
  if (config?.instructionsText !== undefined) out.instructions = config.instructionsText;
  return out;
}
