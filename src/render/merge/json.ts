/**
 * The merged result as JSON text, in pieces: exactly `JSON.stringify(result, null, 2)` plus a
 * newline, but never as one string, since a result of a few hundred thousand entries is longer
 * than the longest string Node can hold (about 512 MB).
 */
import type { LazyList, PortableThreats, ThreatJob, ThreatSetup } from '../../core/merge.js';
import type { JointThreat, MergeResult } from '../../core/merged.js';

/**
 * Top-level arrays that grow with the input, and how many elements each piece holds. A threat is
 * large (tens of kB with its evidence) and goes alone; a refused pair is small (about 1 kB), so
 * those go many to a piece: fewer JSON.stringify calls, each piece still well under a megabyte.
 */
const STREAMED = [
  ['threats', 1],
  ['refused', 256],
] as const;

const NESTED_OPEN = '[\n  [\n';
const NESTED_CLOSE = '\n  ]\n]';

/** The lists of a streamed merge (mergeStreamed), given in place of the result's own (empty) arrays. */
export interface StreamedLists {
  threats: LazyList<unknown>;
  refused: LazyList<unknown>;
  /** With a writer: the threats as jobs for its helper thread. */
  portable?: PortableThreats;
}

/**
 * `lists` gives the streamed lists of a streamed merge (mergeStreamed), in place of the result's
 * own (empty) arrays; each item is made, written and let go in turn. With `writer`, a helper
 * thread makes part of the threats, and their text comes as UTF-8 bytes; the output is the same.
 */
export function* renderMergedJson(result: MergeResult, lists?: StreamedLists, writer?: ParallelThreatWriter): Generator<string | Uint8Array> {
  const skeleton: Record<string, unknown> = { ...result };
  for (const [key] of STREAMED) skeleton[key] = [];
  const text = JSON.stringify(skeleton, null, 2);
  let rest = text;
  for (const [key, perPiece] of STREAMED) {
    const marker = `\n  ${JSON.stringify(key)}: []`;
    const at = rest.indexOf(marker);
    const items: LazyList<unknown> = lists ? lists[key] : arrayList(result[key] as readonly unknown[]);
    if (at === -1 || items.length === 0) continue;
    yield rest.slice(0, at + marker.length - 1);
    const helper = key === 'threats' && lists?.portable && writer && result.summary.entries >= writer.minEntries ? writer.start(lists.portable.setup()) : undefined;
    if (helper) yield* threatsInParallel(items as LazyList<JointThreat>, lists!.portable!, helper);
    else {
      for (let i = 0; i < items.length; i += perPiece) {
        yield listPiece(i, piece(items, i, Math.min(items.length, i + perPiece)));
      }
    }
    yield '\n  ]';
    rest = rest.slice(at + marker.length);
  }
  yield `${rest}\n`;
}

/**
 * Items as they sit in a top-level list of the document, indented two levels and separated by
 * commas: stringified inside two levels of nesting, they come out so without a second pass over
 * their text to indent them.
 */
function itemsJson(items: readonly unknown[]): string {
  const nested = JSON.stringify([items], null, 2);
  return nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
}

function arrayList<T>(items: readonly T[]): LazyList<T> {
  return { length: items.length, at: (k) => items[k]! };
}

function piece<T>(items: LazyList<T>, from: number, to: number): T[] {
  const out: T[] = [];
  for (let k = from; k < to; k++) out.push(items.at(k));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing the threats on two threads

/**
 * A helper thread that makes some of the joint threats' text (the command line provides it). A
 * large merge spends a third of its time making and stringifying its threats, on one core.
 */
export interface ParallelThreatWriter {
  /** Below this many entries, a second thread costs more than it saves. */
  minEntries: number;
  /** Undefined when no helper could be started: the threats are all made here. */
  start(setup: ThreatSetup): ThreatWriterHelper | undefined;
}

/** Consecutive threats for the helper. */
export interface ThreatBatch {
  jobs: ThreatJob[];
}

/** `from`: the first threat of the batch answered (its ThreatJob.k). */
export type HelperAnswer = { kind: 'text'; from: number; bytes: Uint8Array } | { kind: 'pending' } | { kind: 'failed' };

export interface ThreatWriterHelper {
  ship(batch: ThreatBatch): void;
  /**
   * The helper's answer to the oldest batch it has not answered yet: the batch's text (threatBatchText) in
   * UTF-8. `pending` when it has not come yet (only without `wait`); `failed` once the helper has
   * failed or kept this thread waiting too long, after which it answers nothing more.
   */
  next(wait: boolean): HelperAnswer;
  /** The caller takes no more answers from the helper, and says why; it stops the helper. */
  dropped(why: string): void;
  /** Stops the helper; may be called again. */
  end(): void;
}

/** The helper's part: a batch's threats as the renderer writes them, one after another. */
export function threatBatchText(batch: ThreatBatch, make: (job: ThreatJob) => JointThreat): string {
  let out = '';
  for (const job of batch.jobs) out += listPiece(job.k, [make(job)]);
  return out;
}

/** Items from place `k` of a streamed list, as written: after a comma unless they open it. */
function listPiece(k: number, items: readonly unknown[]): string {
  return `${k === 0 ? '\n' : ',\n'}${itemsJson(items)}`;
}

/** Members per batch: about 0.7 MB of output, a few milliseconds of either thread's work. */
const BATCH_MEMBERS = 256;
/** Batches the helper may hold at once: enough that it does not run dry while this thread makes one. */
const IN_FLIGHT = 3;
/** Batches made or shipped ahead of the one being written (one more while the helper is kept supplied): bounds the text held in memory. */
const AHEAD = 12;

interface Slot {
  from: number;
  to: number;
  text?: string | Uint8Array;
}

/**
 * The threats in order, made by two threads. Consecutive threats go out in batches: this thread
 * keeps the helper supplied, makes other batches itself meanwhile, and writes each batch's text
 * when its turn comes. Should the helper fail, the batches it did not answer are made here.
 */
function* threatsInParallel(threats: LazyList<JointThreat>, portable: PortableThreats, helper: ThreatWriterHelper): Generator<string | Uint8Array> {
  const n = threats.length;
  const slots: Slot[] = []; // from the next to write, in order
  const unanswered: Slot[] = []; // shipped, in the order shipped
  let next = 0; // the first threat in no slot yet
  let failed = false;
  const newSlot = (): Slot => {
    const from = next;
    let members = 0;
    while (next < n && members < BATCH_MEMBERS) members += portable.size(next++);
    const slot = { from, to: next };
    slots.push(slot);
    return slot;
  };
  const makeHere = (slot: Slot) => {
    let text = '';
    for (let k = slot.from; k < slot.to; k++) text += listPiece(k, [threats.at(k)]);
    slot.text = text;
  };
  /** Takes an answer in; false when there was none yet. */
  const takeAnswer = (answer: HelperAnswer): boolean => {
    if (answer.kind === 'pending') return false;
    if (answer.kind === 'text' && unanswered[0]?.from === answer.from) unanswered.shift()!.text = answer.bytes;
    else {
      // Failed, or answered another batch than the next: either way the helper is done with.
      if (answer.kind === 'text') helper.dropped(`the worker answered for threat ${answer.from} where ${unanswered[0]?.from ?? 'none'} was due`);
      failed = true;
      helper.end();
      for (const unmade of unanswered.splice(0)) makeHere(unmade);
    }
    return true;
  };
  try {
    for (;;) {
      while (slots.length > 0 && slots[0]!.text !== undefined) yield slots.shift()!.text!;
      if (slots.length === 0 && next >= n) return;
      if (!failed && unanswered.length > 0 && takeAnswer(helper.next(false))) continue;
      if (!failed && unanswered.length < IN_FLIGHT && next < n) {
        const slot = newSlot();
        const jobs: ThreatJob[] = [];
        for (let k = slot.from; k < slot.to; k++) jobs.push(portable.job(k));
        helper.ship({ jobs });
        unanswered.push(slot);
      } else if (next < n && slots.length < AHEAD) makeHere(newSlot());
      else takeAnswer(helper.next(true));
    }
  } finally {
    helper.end();
  }
}
