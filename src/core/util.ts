/** Small helpers the pipeline stages share. */

/** Code-unit order, not locale order: the same on every machine, so output is deterministic. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
