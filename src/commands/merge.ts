import { renderReview } from '../core/decisions.js';
import { renderTable } from '../render/merge/table.js';
import { chalkFor } from '../io/color.js';
import { outputTarget, writeFileAtomic } from '../io/atomic.js';
import { UsageError, type Io } from '../io/io.js';
import { resolve } from 'node:path';
import { rerunIfLarge, runMergePipeline, type MergeCommandOptions } from './merge-pipeline.js';
import { renderMergedJson } from '../render/merge/json.js';
import { workerWriter } from './parallel-writer.js';
import { emit } from './output.js';
import { materialise } from '../core/merge.js';
import { progressFor } from '../io/progress.js';
import { writeProgressLine } from './merge-progress.js';

export interface MergeOptions extends MergeCommandOptions {
  format: 'table' | 'json';
  output?: string;
  top?: string;
}

export async function runMerge(paths: string[], options: MergeOptions, io: Io): Promise<number> {
  const top = options.top === undefined ? undefined : Number(options.top);
  if (top !== undefined && (!Number.isInteger(top) || top < 1)) throw new UsageError(`--top takes a whole number of at least 1, got "${options.top}"`);
  const rerunCode = await rerunIfLarge(paths, io);
  if (rerunCode !== undefined) return rerunCode;
  const streamed = await runMergePipeline(paths, { ...options, outputSize: options.format === 'json' ? 'streamed' : 'whole' }, io);
  if (typeof streamed === 'number') return streamed;
  if (options.review !== undefined) {
    const { review } = streamed;
    const titles = new Map(streamed.entryTitles());
    await writeFileAtomic(resolve(io.cwd, options.review), renderReview(review, titles));
    if (!options.quiet) io.stderr.write(`wrote ${review.length} uncertain pair${review.length === 1 ? '' : 's'} for review to ${options.review}\n`);
  }
  // JSON is written threat by threat as each is made; the table needs the whole result.
  if (options.format === 'table') {
    await emit(renderTable(materialise(streamed).result, { chalk: chalkFor(io.stdout, io, options.output === undefined ? options.color : false), ...(top !== undefined ? { top } : {}), width: 140 }), options.output, io);
    return 0;
  }
  const pieces = renderMergedJson(streamed.result, streamed, workerWriter(io.env));
  // Making and writing a large result takes a while; progress shows only beside a file, never
  // between lines of a result written to the terminal (nor to a device: -o /dev/stdout).
  const toFile = options.output !== undefined && options.output !== '-' && (await writesAFile(resolve(io.cwd, options.output)));
  const progress = progressFor(io, options.quiet || !toFile);
  try {
    await emit(toFile ? counted(pieces, (bytes) => progress.update(writeProgressLine(options.output!, bytes))) : pieces, options.output, io);
  } finally {
    progress.done();
  }
  return 0;
}

/** The pieces as they are, telling `onBytes` how many bytes (about: code units of text) have gone so far. */
function* counted(pieces: Iterable<string | Uint8Array>, onBytes: (bytes: number) => void): Generator<string | Uint8Array> {
  let bytes = 0;
  for (const piece of pieces) {
    yield piece;
    bytes += piece.length;
    onBytes(bytes);
  }
}

/** Whether writing `path` makes or replaces a file (the atomic writer's own judgement), not a device's stream. */
async function writesAFile(path: string): Promise<boolean> {
  const { kind } = await outputTarget(path);
  return kind === 'new' || kind === 'file';
}
