import { renderReview } from '../core/decisions.js';
import { renderTable } from '../render/merge/table.js';
import { chalkFor } from '../io/color.js';
import { writeFileAtomic } from '../io/atomic.js';
import { UsageError, type Io } from '../io/io.js';
import { resolve } from 'node:path';
import { rerunIfLarge, runMergePipeline, type MergeCommandOptions } from './merge-pipeline.js';
import { renderMergedJson } from '../render/merge/json.js';
import { workerWriter } from './parallel-writer.js';
import { emit } from './output.js';
import { materialise } from '../core/merge.js';

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
  const text =
    options.format === 'json'
      ? renderMergedJson(streamed.result, streamed, workerWriter(io.env))
      : renderTable(materialise(streamed).result, { chalk: chalkFor(io.stdout, io, options.output === undefined ? options.color : false), ...(top !== undefined ? { top } : {}), width: 140 });
  await emit(text, options.output, io);
  return 0;
}
