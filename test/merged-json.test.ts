import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge } from '../src/core/merge.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { renderMergedJson } from '../src/render/merge/json.js';

const root = join(import.meta.dirname, '..');

describe('merged JSON written in pieces', () => {
  it('is byte-identical to JSON.stringify of the whole result', async () => {
    const { submissions } = await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json');
    const { result } = merge({ submissions, tool: { name: 'threatmerge', version: 'test' } });
    expect(result.refused.length).toBeGreaterThan(0);
    const pieces = [...renderMergedJson(result)];
    expect(pieces.length).toBeGreaterThan(result.threats.length);
    expect(pieces.join('')).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('handles empty lists the way JSON.stringify does', async () => {
    const { submissions } = await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json');
    const { result } = merge({ submissions: submissions.slice(0, 1), tool: { name: 'threatmerge', version: 'test' } });
    const emptied = { ...result, refused: [] };
    expect([...renderMergedJson(emptied)].join('')).toBe(`${JSON.stringify(emptied, null, 2)}\n`);
  });
});
