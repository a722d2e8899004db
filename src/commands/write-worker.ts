/**
 * A worker thread that makes the text of the joint threats `merge --format json` sends it (see
 * ParallelThreatWriter in render/merge/json.ts), one batch a message, and answers each with the
 * batch's text in UTF-8. Any failure is answered as an error, after which it answers nothing
 * more: the main thread makes the rest itself.
 */
import { workerData } from 'node:worker_threads';
import { jointThreatsFrom, type ThreatSetup } from '../core/merge.js';
import { threatBatchText, type ThreatBatch } from '../render/merge/json.js';
import { capMemoised } from '../core/util.js';
import { answer, type HelperEnds } from './helper-thread.js';
import type { WriteAnswer } from './parallel-writer.js';

const ends = workerData as HelperEnds & { setup: ThreatSetup };
const reply = (message: WriteAnswer, transfer: ArrayBuffer[] = []) => answer(ends, message, transfer);
/**
 * The text in UTF-8, in a buffer of its own to transfer: written into room for the worst case
 * (three bytes a code unit), as Buffer.write is several times faster than TextEncoder here.
 */
function utf8(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafeSlow(3 * text.length);
  return bytes.subarray(0, bytes.write(text, 'utf8'));
}

/**
 * Values per memoised table here. Full size, the tables grew this thread's heap from about 55 MB
 * to over 300 MB at a million entries, on top of the merge's own tables.
 */
const MEMO_CAP = 1 << 16;

try {
  capMemoised(MEMO_CAP);
  const make = jointThreatsFrom(ends.setup);
  ends.port.on('message', (batch: ThreatBatch) => {
    try {
      const bytes = utf8(threatBatchText(batch, make));
      reply({ from: batch.jobs[0]!.k, bytes }, [bytes.buffer as ArrayBuffer]);
    } catch (err) {
      reply({ error: err instanceof Error ? err.message : String(err) });
      ends.port.close();
    }
  });
} catch (err) {
  reply({ error: err instanceof Error ? err.message : String(err) });
  ends.port.close();
}
