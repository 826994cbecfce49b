import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CONFIG_FILE_NAME, starterConfigText } from '../core';
import { UsageError } from './errors';
import { resolveRoots } from './roots';

/** Options of `tome init`. */
export interface InitCommandOptions {
  force?: boolean;
}

/** `tome init [dir]`: writes the commented starter config; never replaces one without --force. */
export async function runInitCommand(dir: string | undefined, o: InitCommandOptions): Promise<void> {
  const [folder = resolve('.')] = resolveRoots(dir ? [dir] : []);
  const path = join(folder, CONFIG_FILE_NAME);
  try {
    await writeFile(path, starterConfigText(), { flag: o.force ? 'w' : 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${path} already exists; edit it, or run tome init --force to replace it.`);
    throw new Error(`Could not write "${path}" (${code ?? String(error)}).`, { cause: error });
  }
  process.stderr.write(`Wrote ${path}. Edit it and commit it to share the packing rules.\n`);
}
