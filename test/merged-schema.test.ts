import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSchema } from '../src/core/validate.js';
import { loadCorpus } from '../src/eval-corpus.js';
import { merge } from '../src/core/merge.js';
import { settingsFrom } from '../src/core/config.js';

const root = join(import.meta.dirname, '..');
const validator = compileSchema(JSON.parse(readFileSync(join(root, 'schemas/merged.v1.schema.json'), 'utf8')) as object);

describe('the merged result follows schemas/merged.v1.schema.json', () => {
  it('for the samples, under every method', async () => {
    const { submissions } = await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json');
    for (const method of ['weighted', 'schulze', 'borda', 'rrf'] as const) {
      const { result } = merge({ submissions, settings: settingsFrom({}, method), tool: { name: 'threatmerge', version: 'test' } });
      expect(result.method).toBe(method);
      const errors = validator(JSON.parse(JSON.stringify(result)));
      expect(errors).toEqual([]);
      expect(result.threats.map((t) => t.rank)).toEqual(result.threats.map((_, i) => i + 1));
    }
  });

  it('rejects a result that lost a required field', async () => {
    const { submissions } = await loadCorpus(join(root, 'samples'), '../test/fixtures/samples-truth.json');
    const { result } = merge({ submissions, tool: { name: 'threatmerge', version: 'test' } });
    const broken = JSON.parse(JSON.stringify(result)) as { threats: Record<string, unknown>[] };
    delete broken.threats[0]!['sources'];
    expect(validator(broken).length).toBeGreaterThan(0);
  });
});
