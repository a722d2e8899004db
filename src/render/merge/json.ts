/**
 * The merged result as JSON text, in pieces: exactly `JSON.stringify(result, null, 2)` plus a
 * newline, but never as one string, since a result of a few hundred thousand entries is longer
 * than the longest string Node can hold (about 512 MB).
 */
import type { LazyList } from '../../core/merge.js';
import type { MergeResult } from '../../core/merged.js';

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

/**
 * `lists` gives the streamed lists of a streamed merge (mergeStreamed), in place of the result's
 * own (empty) arrays; each item is made, written and let go in turn.
 */
export function* renderMergedJson(result: MergeResult, lists?: { threats: LazyList<unknown>; refused: LazyList<unknown> }): Generator<string> {
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
    for (let i = 0; i < items.length; i += perPiece) {
      // Stringified inside two levels of nesting, the items come out indented and separated as
      // they are in the whole document, without a second pass over their text to indent them.
      const nested = JSON.stringify([piece(items, i, Math.min(items.length, i + perPiece))], null, 2);
      yield `${i === 0 ? '\n' : ',\n'}${nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length)}`;
    }
    yield '\n  ]';
    rest = rest.slice(at + marker.length);
  }
  yield `${rest}\n`;
}

function arrayList<T>(items: readonly T[]): LazyList<T> {
  return { length: items.length, at: (k) => items[k]! };
}

function piece<T>(items: LazyList<T>, from: number, to: number): T[] {
  const out: T[] = [];
  for (let k = from; k < to; k++) out.push(items.at(k));
  return out;
}
