/**
 * The merged result as JSON text, in pieces: exactly `JSON.stringify(result, null, 2)` plus a
 * newline, but never as one string, since a result of a few hundred thousand entries is longer
 * than the longest string Node can hold (about 512 MB).
 */
import type { MergeResult } from '../../core/merged.js';

/** Top-level arrays that grow with the input; each is written one element at a time. */
const STREAMED = ['threats', 'refused'] as const;

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
      const item = JSON.stringify(items[i], null, 2).replace(/\n/g, '\n    ');
      yield `${i === 0 ? '\n' : ',\n'}    ${item}`;
    }
    yield '\n  ]';
    rest = rest.slice(at + marker.length);
  }
  yield `${rest}\n`;
}
