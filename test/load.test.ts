import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFromName, parseSource } from '../src/core/load.js';

const root = join(import.meta.dirname, '..');

function fixtureFiles(): string[] {
  const dirs = ['samples', 'samples/invalid', 'test/corpus', 'test/fixtures/validate'];
  const out: string[] = [];
  for (const d of dirs) {
    const abs = join(root, d);
    if (!existsSync(abs)) continue;
    for (const n of readdirSync(abs).sort()) if (/\.(ya?ml|json)$/.test(n) && !n.startsWith('truth')) out.push(join(d, n));
  }
  return out;
}

describe('fast and exact parsers agree', () => {
  const files = fixtureFiles();
  it('has fixtures to compare', () => {
    expect(files.length).toBeGreaterThan(10);
  });
  for (const f of files) {
    it(`gives identical values and entry lines for ${f}`, () => {
      const text = readFileSync(join(root, f), 'utf8');
      const format = formatFromName(f);
      const fast = parseSource(text, f, format);
      const exact = parseSource(text, f, format, { fast: false });
      expect(fast.value).toStrictEqual(exact.value);
      expect(fast.diagnostics.map((d) => d.rule)).toStrictEqual(exact.diagnostics.map((d) => d.rule));
      const threats = (exact.value as { threats?: unknown[] } | undefined)?.threats;
      const lines = fast.threatLines?.();
      if (lines && Array.isArray(threats) && lines.length === threats.length) {
        expect(lines).toStrictEqual(threats.map((_, i) => exact.locator.locate(['threats', i]).line));
      }
    });
  }
});

describe('YAML 1.2 core semantics on both paths', () => {
  const cases: [string, unknown][] = [
    ['a: 2026-01-01\n', { a: '2026-01-01' }],
    ['a: no\n', { a: 'no' }],
    ['a: yes\n', { a: 'yes' }],
    ['a: on\n', { a: 'on' }],
    ['a: 0x1F\n', { a: 31 }],
    ['a: 0b101\n', { a: '0b101' }],
    ['a: [0b1, -0b10, +0b11]\nb:\n  - 0b101\n0b11: c\n', { a: ['0b1', '-0b10', '+0b11'], b: ['0b101'], '0b11': 'c' }],
    // Quoted, or inside a word, it is text on either path, and the fast path may read it.
    ['a: "0b101"\nb: x0b1 0b1\n', { a: '0b101', b: 'x0b1 0b1' }],
    ['a: 1_000\n', { a: '1_000' }],
    ['a: ~\n', { a: null }],
    ['a: "x"\nb: [1, 2]\n', { a: 'x', b: [1, 2] }],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)} the same way`, () => {
      expect(parseSource(text, 'x.yaml', 'yaml').value).toStrictEqual(expected);
      expect(parseSource(text, 'x.yaml', 'yaml', { fast: false }).value).toStrictEqual(expected);
    });
  }
  it('reports duplicate keys in JSON that JSON.parse would hide', () => {
    const r = parseSource('{"a": 1, "a": 2}', 'x.json', 'json');
    expect(r.diagnostics.map((d) => d.rule)).toContain('duplicate-key');
  });
  it('reports duplicate keys in YAML', () => {
    const r = parseSource('a: 1\na: 2\n', 'x.yaml', 'yaml');
    expect(r.diagnostics.map((d) => d.rule)).toContain('duplicate-key');
  });
  it('stops alias bombs', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    let prev = 'a';
    for (const n of 'bcdefghi') {
      lines.push(`${n}: &${n} [${Array(9).fill(`*${prev}`).join(',')}]`);
      prev = n;
    }
    const r = parseSource(lines.join('\n'), 'bomb.yaml', 'yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]?.rule).toBe('yaml/alias-bomb');
  });
  it('keeps __proto__ as a plain key without polluting prototypes', () => {
    for (const [text, format] of [['{"__proto__": {"polluted": 1}}', 'json'], ['__proto__: {polluted: 1}\n', 'yaml']] as const) {
      const r = parseSource(text, `x.${format}`, format);
      expect(Object.keys(r.value as object)).toContain('__proto__');
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });
});
