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

/** Bytes encoded before each write of a text given in pieces. */
const WRITE_BUFFER_BYTES = 1 << 22;

/**
 * Write text given whole or in pieces. Pieces are encoded into one reused buffer and written
 * when it fills: joining them into a string per write (as this did) left megabytes of flat
 * strings per write in the old generation, and a large merge's 2.6 GB of output made the
 * collector mark its whole live heap a dozen times over.
 */
async function writeChunks(path: string, content: string | Iterable<string>, mode = 0o644): Promise<void> {
  const file = await open(path, 'w', mode);
  try {
    if (typeof content === 'string') {
      await file.writeFile(content, 'utf8');
      return;
    }
    const writeAll = async (bytes: Buffer, length: number) => {
      for (let done = 0; done < length; ) done += (await file.write(bytes, done, length - done)).bytesWritten;
    };
    const buffer = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
    let used = 0;
    for (const chunk of content) {
      // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair, 4 for two units).
      const most = 3 * chunk.length;
      if (used + most > buffer.length) {
        await writeAll(buffer, used);
        used = 0;
      }
      if (most <= buffer.length) used += buffer.write(chunk, used, 'utf8');
      else {
        const bytes = Buffer.from(chunk, 'utf8');
        await writeAll(bytes, bytes.length);
      }
    }
    await writeAll(buffer, used);
  } finally {
    await file.close();
  }
}
