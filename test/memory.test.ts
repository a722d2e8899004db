/** A merge too large for Node's heap is refused at once, with the setting that would make it fit. */
import { describe, expect, it } from 'vitest';
import { memoryProblem, needsTightHeap } from '../src/io/memory.js';

describe('the memory check before a large merge', () => {
  const GB = 2 ** 30;
  it('lets merges through that fit the heap', () => {
    expect(memoryProblem(397, 4.3 * GB, 24 * GB)).toBeUndefined();
    expect(memoryProblem(400_000, 4.3 * GB, 24 * GB)).toBeUndefined();
    // A million entries fit Node's default heap (about 4 GB on a 24 GB machine).
    expect(memoryProblem(1_000_000, 4.05 * GB, 24 * GB)).toBeUndefined();
    expect(memoryProblem(3_000_000, 16 * GB, 24 * GB)).toBeUndefined();
  });
  it('refuses one that would not, with the NODE_OPTIONS that would make it fit', () => {
    const message = memoryProblem(3_000_000, 4.3 * GB, 24 * GB)!;
    expect(message).toMatch(/^merging 3,000,000 entries needs about 8\.4 GB of memory, more than Node's heap limit \(4\.3 GB\); run it with NODE_OPTIONS=--max-old-space-size=11264$/);
  });
  it('says so when the machine itself is too small', () => {
    expect(memoryProblem(3_000_000, 4.3 * GB, 8 * GB)).toMatch(/this machine has 8\.0 GB: merge fewer submissions at a time/);
  });
  it('collects sooner only for merges that fill a good part of the heap', () => {
    expect(needsTightHeap(100_000, 4.05 * GB)).toBe(false);
    expect(needsTightHeap(1_000_000, 4.05 * GB)).toBe(true);
    expect(needsTightHeap(1_000_000, 16 * GB)).toBe(false);
  });
});
