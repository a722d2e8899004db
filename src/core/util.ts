/** Small helpers the pipeline stages share. */

/** Code-unit order, not locale order: the same on every machine, so output is deterministic. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a, 32 bits: `hash = Math.imul(hash ^ code, FNV_PRIME)` from FNV_OFFSET, for hashing text in place. */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The most values any memoised function of this thread keeps (see capMemoised). */
let memoCap = Infinity;

/**
 * Keep at most `max` values in each memoised function's table from now on: a helper thread that
 * meets each string a few times gains little from large tables, and would hold them twice.
 */
export function capMemoised(max: number): void {
  memoCap = max;
}

/**
 * A pure function of a string, worked out once per distinct string: names, titles and words
 * recur across partners and entries. Cleared when full, so memory stays bounded.
 */
export function memoised<V>(compute: (key: string) => V, max = 1 << 20): (key: string) => V {
  const seen = new Map<string, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined) {
      if (seen.size >= max || seen.size >= memoCap) seen.clear();
      value = compute(key);
      seen.set(key, value);
    }
    return value;
  };
}
