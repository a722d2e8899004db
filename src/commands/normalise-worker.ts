/**
 * A worker thread that normalises the pieces `merge` sends it (see ParallelNormaliser in
 * core/normalise-parallel.ts), one message each, and answers each with its entries packed, or
 * as skipped if the main thread has claimed it; a null message asks for `done`. Any failure is answered as an error, after which it answers
 * nothing more: the main thread normalises the rest itself.
 */
import { workerData } from 'node:worker_threads';
import { Lexicon } from '../core/aliases.js';
import { BY_HELPER, claimPiece, normaliseShipped, type ShippedSubmission } from '../core/normalise-parallel.js';
import { answer, type HelperEnds } from './helper-thread.js';
import type { NormaliseAnswer, NormaliseWorkerData } from './parallel-normaliser.js';

const ends = workerData as HelperEnds & NormaliseWorkerData;
const reply = (message: NormaliseAnswer, transfer: ArrayBuffer[] = []) => answer(ends, message, transfer);
const failed = (err: unknown) => {
  reply({ error: err instanceof Error ? err.message : String(err) });
  ends.port.close();
};

try {
  const lexicon = Lexicon.fromSnapshot(ends.lexicon);
  ends.port.on('message', (piece: ShippedSubmission | null) => {
    if (piece === null) {
      reply({ done: true });
      ends.port.close();
      return;
    }
    // The main thread takes back, from the last, the pieces no thread has begun once its own share is done.
    if (!claimPiece(ends.claims, piece.shipment, BY_HELPER)) {
      reply({ shipment: piece.shipment, skipped: true });
      return;
    }
    try {
      const packed = normaliseShipped(piece, lexicon);
      reply(packed, [packed.numbers.buffer as ArrayBuffer, packed.ids.buffer as ArrayBuffer]);
    } catch (err) {
      failed(err);
    }
  });
} catch (err) {
  failed(err);
}
