import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { asBuffer, writeFileAtomic, type Content } from '../io/atomic.js';
import type { Io } from '../io/io.js';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

export const TOOL = {
  toolName: 'threatmerge',
  toolVersion: pkg.version,
  informationUri: 'https://github.com/threatmerge/threatmerge',
} as const;

/** Write the requested output, whole or in pieces, to -o FILE (atomically) or to standard output. */
export async function emit(text: Content, output: string | undefined, io: Io): Promise<void> {
  if (output === undefined || output === '-') {
    if (typeof text === 'string') io.stdout.write(text);
    // A piece of bytes is a whole text encoded, so each decodes alone.
    else for (const chunk of text) io.stdout.write(typeof chunk === 'string' ? chunk : asBuffer(chunk).toString('utf8'));
  } else {
    await writeFileAtomic(resolve(io.cwd, output), text);
  }
}
