/**
 * A worker thread that normalises the submissions `merge` sends it (see ParallelNormaliser in
 * core/normalise-parallel.ts), one message each, and answers each with its entries packed; a
 * null message ends the work.
 */
import { workerData } from 'node:worker_threads';
import { Lexicon, type LexiconSnapshot } from '../core/aliases.js';
import { normaliseShipped, type ShippedSubmission } from '../core/normalise-parallel.js';
import { answer, type HelperEnds } from './helper-thread.js';
import type { NormaliseAnswer } from './parallel-normaliser.js';

const ends = workerData as HelperEnds & { lexicon: LexiconSnapshot };
const lexicon = Lexicon.fromSnapshot(ends.lexicon);
const reply = (message: NormaliseAnswer, transfer: ArrayBuffer[] = []) => answer(ends, message, transfer);

ends.port.on('message', (job: ShippedSubmission | null) => {
  if (job === null) {
    reply({ done: true });
    ends.port.close();
    return;
  }
  try {
    const packed = normaliseShipped(job, lexicon);
    reply(packed, [packed.numbers.buffer as ArrayBuffer, packed.ids.buffer as ArrayBuffer]);
  } catch (err) {
    reply({ error: err instanceof Error ? err.message : String(err) });
    ends.port.close();
  }
});
