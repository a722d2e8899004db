/** Golden files: compare output with test/golden/<folder>/<name>; `UPDATE_GOLDEN=1` rewrites them instead. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { repoRoot } from './run-cli.js';

/** `expectGolden(name, actual)` for the golden files of one folder; `testFile` is named in the hint for a missing file. */
export function goldenFiles(folder: string, testFile: string): (name: string, actual: string) => void {
  const dir = path.join(repoRoot, 'test', 'golden', folder);
  return (name, actual) => {
    const file = path.join(dir, name);
    if (process.env['UPDATE_GOLDEN']) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, actual);
      return;
    }
    if (!existsSync(file)) throw new Error(`missing golden file ${name}; create it with UPDATE_GOLDEN=1 npx vitest run ${testFile}`);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  };
}
