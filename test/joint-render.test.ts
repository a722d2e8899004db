/** The merged JSON writes refused pairs many to a piece; the text must stay exactly JSON.stringify's. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge } from '../src/core/merge.js';
import type { Evidence } from '../src/core/merged.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { renderMergedJson } from '../src/render/merge/json.js';

const root = join(import.meta.dirname, '..');

describe('merged JSON with many refused pairs', () => {
  it.each([1, 255, 256, 257, 700])('is byte-identical to JSON.stringify of the whole result with %i refused pairs', async (count) => {
    const { submissions } = await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json');
    const { result } = merge({ submissions, tool: { name: 'threatmerge', version: 'test' } });
    const seen = result.refused;
    expect(seen.length).toBeGreaterThan(0);
    const refused: Evidence[] = Array.from({ length: count }, (_, i) => {
      const e = seen[i % seen.length]!;
      return i % 3 === 0 ? { ...e, a: `${e.a}-${i}`, reason: `“quoted” \\ ${i}\n` } : e;
    });
    const big = { ...result, refused };
    const pieces = [...renderMergedJson(big)];
    expect(pieces.join('')).toBe(`${JSON.stringify(big, null, 2)}\n`);
    expect(pieces.length).toBeGreaterThan(result.threats.length + Math.ceil(count / 256));
  });
});
