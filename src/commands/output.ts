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

/** Write the requested output, whole or in pieces, to -o FILE (atomically) or to standard output. */
export async function emit(text: string | Iterable<string>, output: string | undefined, io: Io): Promise<void> {
  if (output === undefined || output === '-') {
    if (typeof text === 'string') io.stdout.write(text);
    else for (const chunk of text) io.stdout.write(chunk);
  } else {
    await writeFileAtomic(resolve(io.cwd, output), text);
  }
}
