/**
 * Puts `ids` (pair numbers, ascending) in the order in which the resolver tries its links: by
 * score, best first, equal scores in ascending order of id.
 *
 * A million entries give about ten million links. A comparison sort of them reads the scores at
 * random, a cache miss per comparison, and took ~10 s; a stable radix sort on a 32-bit key reads
 * them once, in order. The key is the score rounded to single precision, which never reverses two
 * scores (rounding is monotonic) but may tie scores that differ; runs of one key are then put in
 * exact order, which is rarely needed and short when it is.
 */
export function sortBestFirst(ids: Int32Array, scores: Float64Array): void {
  const n = ids.length;
  let order: Int32Array = ids;
  let keys = new Uint32Array(n);
  for (let t = 0; t < n; t++) keys[t] = descendingKey(scores[ids[t]!]!);
  let spareOrder: Int32Array = new Int32Array(n);
  let spareKeys = new Uint32Array(n);
  const counts = new Int32Array(RADIX + 1);
  for (let shift = 0; shift < 32; shift += DIGIT_BITS) {
    counts.fill(0);
    for (let t = 0; t < n; t++) counts[((keys[t]! >>> shift) & MASK) + 1]!++;
    // A digit that every key shares orders nothing (the exponent's bits, often).
    if (counts.includes(n)) continue;
    for (let d = 0; d < RADIX; d++) counts[d + 1]! += counts[d]!;
    for (let t = 0; t < n; t++) {
      const key = keys[t]!;
      const at = counts[(key >>> shift) & MASK]!++;
      spareOrder[at] = order[t]!;
      spareKeys[at] = key;
    }
    [order, spareOrder] = [spareOrder, order];
    [keys, spareKeys] = [spareKeys, keys];
  }
  orderTies(order, keys, scores);
  if (order !== ids) ids.set(order);
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
function orderTies(order: Int32Array, keys: Uint32Array, scores: Float64Array): void {
  const n = order.length;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    let mixed = false;
    const first = scores[order[start]!]!;
    while (end < n && keys[end] === keys[start]) {
      if (scores[order[end]!] !== first) mixed = true;
      end++;
    }
    if (mixed) {
      const run = Array.from(order.subarray(start, end)).sort((x, y) => scores[y]! - scores[x]! || x - y);
      order.set(run, start);
    }
    start = end;
  }
}
