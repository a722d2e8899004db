/**
 * Blocking's name variants are numbered from hashes, never made as strings; they must be
 * numbered exactly as the former string-based version numbered them (kept here as the reference).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { skeleton } from '../src/core/compact.js';
import { nameVariants } from '../src/core/resolve.js';

/** The former version, verbatim but for taking the skeletons rather than the names (their lengths are the same). */
function referenceVariants(skeletons: readonly string[]): { strings: string[]; ids: number[]; start: number[] } {
  const idOf = new Map<string, number>();
  const strings: string[] = [];
  const lastName: number[] = [];
  const start = [0];
  const ids: number[] = [];
  let r = 0;
  const list = (variant: string) => {
    let id = idOf.get(variant);
    if (id === undefined) {
      id = strings.length;
      strings.push(variant);
      lastName.push(-1);
      idOf.set(variant, id);
    }
    if (lastName[id] === r) return;
    lastName[id] = r;
    ids.push(id);
  };
  for (; r < skeletons.length; r++) {
    const sk = skeletons[r]!;
    list(sk);
    if (sk.length >= 5) for (let at = 0; at < sk.length; at++) list(sk.slice(0, at) + sk.slice(at + 1));
    start.push(ids.length);
  }
  return { strings, ids, start };
}

function expectSameAsReference(names: readonly string[]): void {
  const skeletons = names.map(skeleton);
  const got = nameVariants(skeletons);
  const want = referenceVariants(skeletons);
  expect(got.count).toBe(want.strings.length);
  expect([...got.of.start]).toEqual(want.start);
  expect([...got.of.ids]).toEqual(want.ids);
  expect(Array.from({ length: got.count }, (_, v) => got.text(v))).toEqual(want.strings);
}

describe('name variants', () => {
  it('number look-alikes, repeated letters and short names as the string-based version did', () => {
    // "lockbit" less a letter is "lockbt", the skeleton of another name; "l0ckbit" is a look-alike;
    // "aaaaa" gives one variant five times; names under five letters give only their skeleton.
    expectSameAsReference(['lockbit', 'lockbt', 'l0ckbit', 'aaaaa', 'aaaa', 'akira', 'akir', 'apt28', 'apt29', '', 'lockbit', 'blackbasta']);
  });

  it('number random names as the string-based version did', () => {
    // A small alphabet makes variants of different names collide often.
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'o', '0', 'l', '1', 's', '$', 'é'), maxLength: 9 });
    fc.assert(fc.property(fc.array(name, { maxLength: 60 }), (names) => expectSameAsReference(names)), { numRuns: Number(process.env['PROPERTY_RUNS'] ?? 200) });
  });

  it('keep many names apart (a full table probes far)', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `name${i.toString(36)}x`);
    expectSameAsReference(names);
  });
});
