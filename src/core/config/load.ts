/** Finds and reads a tome.config.json, with its instructions file. */
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { isSecretFileName, redactText } from '../redact';
import { parseConfigText, placeOfKey } from './parse';
import { CONFIG_FILE_NAME, ConfigError, type TomeConfig } from './types';

/** Instructions head every prompt; a file larger than this is not instructions. */
const MAX_INSTRUCTIONS_BYTES = 256 * 1024;

/** The config file at `root`, or null when there is none. */
export async function findConfigFile(root: string): Promise<string | null> {
  const path = join(root, CONFIG_FILE_NAME);
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

const inside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/**
 * The instructions file's text, redacted. It must lie inside the config file's folder (also
 * after following links) and not be a secret file: a project file must not be able to pull
 * `~/.ssh/id_rsa` into a prompt.
 */
async function readInstructions(configFile: string, configText: string, path: string): Promise<string> {
  const folder = dirname(configFile);
  const fail = (detail: string): never => {
    throw new ConfigError([{ kind: 'instructions-unreadable', key: 'instructions', path, detail, ...placeOfKey(configText, configFile, 'instructions') }]);
  };
  const abs = resolve(folder, path);
  if (isAbsolute(path) || !inside(folder, abs)) fail("it must be a file inside the config file's folder, given relative to it");
  if (isSecretFileName(abs.split(sep).join('/'))) fail('it is a secret file by its name');
  let real: string;
  try {
    real = await realpath(abs);
    if (!inside(await realpath(folder), real)) fail("it links to a file outside the config file's folder");
    const info = await stat(real);
    if (!info.isFile()) fail('it is not a file');
    if (info.size > MAX_INSTRUCTIONS_BYTES) fail(`it is larger than ${MAX_INSTRUCTIONS_BYTES / 1024} KB`);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return fail((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : String((error as Error).message));
  }
  const text = await readFile(real, 'utf8');
  return (await redactText(text, path)).text;
}

/** Reads and checks one config file. Rejects with a {@link ConfigError}. */
export async function readConfigFile(file: string): Promise<TomeConfig> {
  const abs = resolve(file);
  let text: string;
  try {
    text = await readFile(abs, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError([{ kind: 'unreadable', file: abs, detail: code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error) }]);
  }
  const config: TomeConfig = parseConfigText(text, abs);
  if (config.instructions !== undefined) config.instructionsText = await readInstructions(abs, text, config.instructions);
  return config;
}

/**
 * The config that applies to a pack: the file named with `-c` when given, else
 * `tome.config.json` at the first root, else none.
 */
export async function loadProjectConfig(roots: readonly string[], explicit?: string): Promise<TomeConfig | null> {
  if (explicit !== undefined) return readConfigFile(explicit);
  const first = roots[0];
  const found = first === undefined ? null : await findConfigFile(first);
  return found === null ? null : readConfigFile(found);
}
