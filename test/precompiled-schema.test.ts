import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileSchema, wrapValidator } from '../src/core/validate.js';

const root = join(import.meta.dirname, '..');

describe('the validator compiled at build time', () => {
  it('exists after the build, made from the current schema, and reports exactly what a fresh compile reports', async () => {
    const schemaText = readFileSync(join(root, 'schemas/threat-assessment.v1.schema.json'), 'utf8');
    const generated = (await import(join(root, 'dist/core/submission-schema.generated.js'))) as { schemaHash: string; default: Parameters<typeof wrapValidator>[0] };
    const { createHash } = await import('node:crypto');
    expect(generated.schemaHash).toBe(createHash('sha256').update(schemaText).digest('hex'));
    const precompiled = wrapValidator(generated.default);
    const fresh = compileSchema(JSON.parse(schemaText) as object);
    const documents = [
      parse(readFileSync(join(root, 'samples/invalid/typos.yaml'), 'utf8'), { version: '1.2' }),
      parse(readFileSync(join(root, 'samples/eu-cybercrime-centre.yaml'), 'utf8'), { version: '1.2' }),
      { schemaVersion: 1, partner: { id: 'X', name: '' }, issued: 'soon', threats: [{ id: 'a', title: 'x'.repeat(400), category: 'ransomwear', likelihood: 9, impact: 0, references: ['not a url'] }] },
    ];
    for (const d of documents) expect(precompiled(d)).toEqual(fresh(d));
    expect(precompiled(documents[2]).length).toBeGreaterThan(5);
  });
});
