/**
 * A worker thread that normalises the pieces `merge` sends it (see ParallelNormaliser in
 * core/normalise-parallel.ts), one message each, and answers each with its entries packed; a
 * null message asks for `done`. Any failure is answered as an error, after which it answers
 * nothing more: the main thread normalises the rest itself.
 */
import { workerData } from 'node:worker_threads';
import { Lexicon, type LexiconSnapshot } from '../core/aliases.js';
import { normaliseShipped, PackTable, type ShippedSubmission } from '../core/normalise-parallel.js';
import { answer, type HelperEnds } from './helper-thread.js';
import type { NormaliseAnswer } from './parallel-normaliser.js';

const ends = workerData as HelperEnds & { lexicon: LexiconSnapshot };
const reply = (message: NormaliseAnswer, transfer: ArrayBuffer[] = []) => answer(ends, message, transfer);
const failed = (err: unknown) => {
  reply({ error: err instanceof Error ? err.message : String(err) });
  ends.port.close();
};

try {
  const lexicon = Lexicon.fromSnapshot(ends.lexicon);
  // One table for all pieces: a string crosses to the main thread once.
  const table = new PackTable();
  ends.port.on('message', (piece: ShippedSubmission | null) => {
    if (piece === null) {
      reply({ done: true });
      ends.port.close();
      return;
    }
    try {
      const packed = normaliseShipped(piece, lexicon, table);
      reply(packed, [packed.numbers.buffer as ArrayBuffer, packed.ids.buffer as ArrayBuffer]);
    } catch (err) {
      failed(err);
    }
  });
} catch (err) {
  failed(err);
}
