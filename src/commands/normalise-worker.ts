/**
 * A worker thread for `merge`'s normalisation (see ParallelNormaliser in
 * core/normalise-parallel.ts), in two stages. It answers each piece sent to it with the piece's
 * lexicon facts; then, given the merge's lexicon, it normalises the pieces in the order sent and
 * answers each with its entries packed; a null message asks for `done`. Any failure is answered
 * as an error, after which it answers nothing more: the main thread does the rest itself.
 */
import { workerData } from 'node:worker_threads';
import { Lexicon } from '../core/aliases.js';
import { normaliseShipped, PackTable, shippedFacts, shippedThreats, type ShippedSubmission } from '../core/normalise-parallel.js';
import type { RawThreat } from '../core/types.js';
import { answer, type HelperEnds } from './helper-thread.js';
import type { NormaliseAnswer, NormaliseMessage } from './parallel-normaliser.js';

const ends = workerData as HelperEnds & { keepParsed: boolean };
const reply = (message: NormaliseAnswer, transfer: ArrayBuffer[] = []) => answer(ends, message, transfer);
const failed = (err: unknown) => {
  reply({ error: err instanceof Error ? err.message : String(err) });
  ends.port.close();
};

// The pieces in the order sent, each with its threats while they are kept parsed.
const pieces: { piece: ShippedSubmission; threats?: RawThreat[] }[] = [];
ends.port.on('message', (message: NormaliseMessage) => {
  try {
    if (message === null) {
      reply({ done: true });
      ends.port.close();
    } else if ('lexicon' in message) {
      const lexicon = Lexicon.fromSnapshot(message.lexicon);
      // One table for all pieces: a string crosses to the main thread once.
      const table = new PackTable();
      for (const held of pieces) {
        const packed = normaliseShipped(held.piece, lexicon, table, held.threats);
        // So that the parsed share does not outlive its normalisation (55 MB at 100k entries).
        held.threats = undefined;
        reply(packed, [packed.numbers.buffer as ArrayBuffer, packed.ids.buffer as ArrayBuffer]);
      }
      pieces.length = 0;
    } else {
      const threats = shippedThreats(message);
      pieces.push({ piece: message, ...(ends.keepParsed ? { threats } : {}) });
      reply({ shipment: message.shipment, facts: shippedFacts(message, threats) });
    }
  } catch (err) {
    failed(err);
  }
});
