/**
 * Every file under a folder that a pack would read as text, node_modules included: no
 * default-excluded names (lock files, bundles, media), no secret files by name, no binaries,
 * nothing over the default size cap. For measuring the redact stage on real trees.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isSecretFileName } from '../../src/core/redact';
import { looksBinary } from '../../src/core/read/sniff';
import { DEFAULT_MAX_FILE_SIZE } from '../../src/core/pack/request';
import { isDefaultExcludedFile } from '../../src/core/scan/defaults';

/** A text file and its `/`-separated path under the folder walked. */
export interface TextFile {
  path: string;
  text: string;
}

/** The text files under `root`, in path order. */
export function textFilesUnder(root: string): TextFile[] {
  const out: TextFile[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(dir, e.name);
      const rel = relative(root, p).split('\\').join('/');
      if (e.isDirectory()) {
        if (e.name !== '.git') walk(p);
      } else if (e.isFile() && !isDefaultExcludedFile(e.name) && !isSecretFileName(rel) && statSync(p).size <= DEFAULT_MAX_FILE_SIZE) {
        const bytes = readFileSync(p);
        if (!looksBinary(bytes)) out.push({ path: rel, text: bytes.toString('utf8') });
      }
    }
  };
  walk(root);
  return out;
}
