import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../io/atomic.js';
import type { Io } from '../io/io.js';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

export const TOOL = {
  toolName: 'threatmerge',
  toolVersion: pkg.version,
  informationUri: 'https://github.com/threatmerge/threatmerge',
} as const;

/** Write the requested output to -o FILE (atomically) or to standard output. */
export async function emit(text: string, output: string | undefined, io: Io): Promise<void> {
  if (output === undefined || output === '-') io.stdout.write(text);
  else await writeFileAtomic(resolve(io.cwd, output), text);
}
