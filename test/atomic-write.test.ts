/** Output files: written whole or from pieces, byte for byte what the pieces say. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/io/atomic.js';

const dir = mkdtempSync(join(tmpdir(), 'threatmerge-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Pieces of every size around the 4 MB write buffer, with text of 1 to 4 bytes a character. */
function* pieces(): Generator<string> {
  const texts = ['plain ascii, ', 'accents é à ü, ', 'dash – quote “ ” €, ', 'emoji 🔥🛡️ and 𝔘, '];
  // Fill the 4 MB buffer to 4 bytes short of its end with ASCII, then give two 3-byte characters.
  for (let i = 0; i < 3; i++) yield 'a'.repeat(((1 << 22) - 4) / 3);
  yield '€€';
  let k = 0;
  for (const size of [1, 7, 1000, 65_536, 1_398_101, 1_398_102, 3_000_000, 12]) {
    let s = '';
    while (s.length < size) s += texts[k++ % texts.length]!;
    yield s.slice(0, size - 1) + (s.charCodeAt(size - 1) >= 0xd800 && s.charCodeAt(size - 1) < 0xdc00 ? 'x' : s[size - 1]!);
  }
  // Many small pieces, to cross the buffer's end at every kind of character.
  for (let i = 0; i < 400_000; i++) yield texts[i % texts.length]!;
}

describe('writeFileAtomic', () => {
  it('writes pieces exactly as their concatenation, across the write buffer', async () => {
    const file = join(dir, 'pieces.txt');
    await writeFileAtomic(file, pieces());
    const expected = Buffer.from([...pieces()].join(''), 'utf8');
    expect(expected.length).toBeGreaterThan(3 * (1 << 22));
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(readdirSync(dir)).toEqual(['pieces.txt']);
  });

  it('writes pieces given as UTF-8 bytes among pieces of text, byte for byte', async () => {
    const file = join(dir, 'mixed.txt');
    // Every other piece as bytes, some of them views into a larger buffer, one larger than the write buffer.
    const mixed = function* () {
      let k = 0;
      for (const p of pieces()) {
        if (k++ % 2 === 0) yield p;
        else {
          const bytes = Buffer.from(`##${p}##`, 'utf8');
          yield bytes.subarray(2, bytes.length - 2);
        }
      }
      // Larger than the write buffer, and a view into a larger buffer.
      yield Buffer.from(`yy${'z'.repeat((1 << 22) + 5)}yy`).subarray(2, (1 << 22) + 7);
    };
    await writeFileAtomic(file, mixed());
    const expected = Buffer.concat([Buffer.from([...pieces()].join(''), 'utf8'), Buffer.from('z'.repeat((1 << 22) + 5))]);
    expect(readFileSync(file).equals(expected)).toBe(true);
    rmSync(file);
  });

  it('replaces a file whole, keeping its mode, and writes a string given whole', async () => {
    const file = join(dir, 'whole.txt');
    writeFileSync(file, 'old content that is longer than the new', { mode: 0o600 });
    await writeFileAtomic(file, 'new – text\n');
    expect(readFileSync(file, 'utf8')).toBe('new – text\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await writeFileAtomic(file, ['', 'a', '', 'b–']);
    expect(readFileSync(file, 'utf8')).toBe('ab–');
  });
});
