import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './io.js';

/**
 * Write a file so that readers see either the old content or the new, never half of it:
 * write a temporary file in the same folder, then rename it over the target.
 */
export async function writeFileAtomic(path: string, content: string | Iterable<string>): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${path}: it is a directory`);
  if (existing && !existing.isFile()) {
    // A device or a pipe (-o /dev/stdout, /dev/null): renaming over it would replace it with a file.
    await writeChunks(path, content).catch((err: NodeJS.ErrnoException) => {
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
    await writeChunks(temp, content, existing ? existing.mode & 0o777 : 0o644);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw new UsageError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

/** Write text given whole or in pieces; pieces are batched so large outputs never become one string. */
async function writeChunks(path: string, content: string | Iterable<string>, mode = 0o644): Promise<void> {
  const file = await open(path, 'w', mode);
  try {
    if (typeof content === 'string') {
      await file.writeFile(content, 'utf8');
      return;
    }
    let batch: string[] = [];
    let size = 0;
    for (const chunk of content) {
      batch.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) {
        await file.write(batch.join(''));
        batch = [];
        size = 0;
      }
    }
    if (batch.length > 0) await file.write(batch.join(''));
  } finally {
    await file.close();
  }
}
