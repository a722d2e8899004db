/**
 * The merged result as JSON text, in pieces: exactly `JSON.stringify(result, null, 2)` plus a
 * newline, but never as one string, since a result of a few hundred thousand entries is longer
 * than the longest string Node can hold (about 512 MB).
 */
import type { MergeResult } from '../../core/merged.js';

/** Top-level arrays that grow with the input; each is written one element at a time. */
const STREAMED = ['threats', 'refused'] as const;

const NESTED_OPEN = '[\n  [\n';
const NESTED_CLOSE = '\n  ]\n]';

export function* renderMergedJson(result: MergeResult): Generator<string> {
  const skeleton: Record<string, unknown> = { ...result };
  for (const key of STREAMED) skeleton[key] = [];
  const text = JSON.stringify(skeleton, null, 2);
  let rest = text;
  for (const key of STREAMED) {
    const marker = `\n  ${JSON.stringify(key)}: []`;
    const at = rest.indexOf(marker);
    const items = result[key] as readonly unknown[];
    if (at === -1 || items.length === 0) continue;
    yield rest.slice(0, at + marker.length - 1);
    for (let i = 0; i < items.length; i++) {
      // Stringified inside two levels of nesting, the item comes out indented as it is in the
      // whole document, without a second pass over its text to indent it.
      const nested = JSON.stringify([[items[i]]], null, 2);
      yield `${i === 0 ? '\n' : ',\n'}${nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length)}`;
    }
    yield '\n  ]';
    rest = rest.slice(at + marker.length);
  }
  yield `${rest}\n`;
}
