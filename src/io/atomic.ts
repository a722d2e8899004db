import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './io.js';

/**
 * Write a file so that readers see either the old content or the new, never half of it:
 * write a temporary file in the same folder, then rename it over the target.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${path}: it is a directory`);
  if (existing && !existing.isFile()) {
    // A device or a pipe (-o /dev/stdout, /dev/null): renaming over it would replace it with a file.
    await writeFile(path, content, 'utf8').catch((err: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot write ${path}: ${err.code ?? err.message}`);
    });
    return;
  }
  const dir = dirname(path);
  await mkdir(dir, { recursive: true }).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot create folder ${dir}: ${err.code ?? err.message}`);
  });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', mode: existing ? existing.mode & 0o777 : 0o644 });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}
