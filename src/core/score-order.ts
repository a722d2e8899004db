/**
 * Puts `ids` (pair numbers, ascending) in the order in which the resolver tries its links: by
 * score, best first, equal scores in ascending order of id.
 *
 * A million entries give about ten million links. A comparison sort of them reads the scores at
 * random, a cache miss per comparison: with the rest of its phase it took 5–10 s at a million
 * entries (docs/performance.md, eighth round). A stable radix sort on a 32-bit key reads them
 * in order. The key is the score rounded to single precision, which never reverses two
 * scores (rounding is monotonic) but may tie scores that differ; runs of one key are then put in
 * exact order, which is rarely needed and short when it is.
 */
export function sortBestFirst(ids: Int32Array, scores: Float64Array): void {
  const n = ids.length;
  // Keys are worked out from the scores as they are needed, not kept beside the ids: read in id
  // order they cost one pass over the scores, and a million entries' links would need 40 MB more.
  const low = new Int32Array(RADIX + 1);
  const high = new Int32Array(RADIX + 1);
  for (let t = 0; t < n; t++) {
    const key = descendingKey(scores[ids[t]!]!);
    low[(key & MASK) + 1]!++;
    high[(key >>> DIGIT_BITS) + 1]!++;
  }
  startsFromCounts(low);
  startsFromCounts(high);
  // By the low digit into `spare`, keeping the keys; then by the high digit back into `ids`.
  const spare = new Int32Array(n);
  const spareKeys = new Uint32Array(n);
  for (let t = 0; t < n; t++) {
    const key = descendingKey(scores[ids[t]!]!);
    const at = low[key & MASK]!++;
    spare[at] = ids[t]!;
    spareKeys[at] = key;
  }
  for (let t = 0; t < n; t++) ids[high[spareKeys[t]! >>> DIGIT_BITS]!++] = spare[t]!;
  orderTies(ids, scores);
}

/** Counts of each digit (at digit + 1) into the first place of each digit's run. */
function startsFromCounts(counts: Int32Array): void {
  for (let d = 0; d < RADIX; d++) counts[d + 1]! += counts[d]!;
}

const DIGIT_BITS = 16;
const RADIX = 1 << DIGIT_BITS;
const MASK = RADIX - 1;

const single = new Float32Array(1);
const singleBits = new Uint32Array(single.buffer);

/** A key whose unsigned order is the score's descending order (ties possible, never reversals). */
function descendingKey(score: number): number {
  // `+ 0` turns -0 into +0: the two are equal scores and must tie.
  single[0] = score + 0;
  const bits = singleBits[0]!;
  // IEEE order as unsigned integers: negatives have every bit flipped, positives the sign bit;
  // then all bits flipped again for best first.
  return (bits & 0x80000000 ? bits : ~(bits | 0x80000000)) >>> 0;
}

/** Within each run of one key, exact scores best first, ties by ascending id (the radix passes kept them so). */
function orderTies(order: Int32Array, scores: Float64Array): void {
  const n = order.length;
  for (let start = 0; start < n; ) {
    const first = scores[order[start]!]!;
    const key = descendingKey(first);
    let end = start + 1;
    let mixed = false;
    for (; end < n; end++) {
      const score = scores[order[end]!]!;
      if (score === first) continue;
      if (descendingKey(score) !== key) break;
      mixed = true;
    }
    if (mixed) {
      const run = Array.from(order.subarray(start, end)).sort((x, y) => scores[y]! - scores[x]! || x - y);
      order.set(run, start);
    }
    start = end;
  }
}
