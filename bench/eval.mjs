#!/usr/bin/env node
// npm run eval: dedup quality on the labelled corpus (test/corpus) and on the samples.
// Prints pairwise and B-cubed precision, recall and F1, overall and for named / unnamed threats.
// Add --verbose to list the wrong and missed links.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadCorpus, evaluateSubmissions } from '../dist/eval-corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.includes('--verbose');
const sets = [
  ['test/corpus', join(root, 'test/corpus'), 'truth.json'],
  ['samples', join(root, 'samples'), join('..', 'test', 'fixtures', 'samples-truth.json')],
];
const pct = (x) => (100 * x).toFixed(1).padStart(5);
for (const [label, dir, truthFile] of sets) {
  const { submissions, truth } = await loadCorpus(dir, truthFile);
  const started = performance.now();
  const r = evaluateSubmissions(submissions, truth);
  const ms = performance.now() - started;
  const entries = submissions.reduce((n, s) => n + s.document.threats.length, 0);
  console.log(`\n${label}: ${submissions.length} partners, ${entries} entries, ${r.trueGroups} true groups → ${r.threats} threats (${ms.toFixed(0)} ms)`);
  console.log('                    pairwise P     R    F1 |  B-cubed P     R    F1');
  for (const [name, e] of [['overall', r.overall], ['named', r.named], ['unnamed', r.unnamed]]) {
    console.log(`  ${name.padEnd(8)} (${String(e.entries).padStart(4)})   ${pct(e.pairwise.precision)} ${pct(e.pairwise.recall)} ${pct(e.pairwise.f1)} |  ${pct(e.bcubed.precision)} ${pct(e.bcubed.recall)} ${pct(e.bcubed.f1)}`);
  }
  if (verbose) {
    for (const [a, b] of r.falseLinks) console.log(`  wrong link:  ${a} ~ ${b}`);
    for (const [a, b] of r.missedLinks) console.log(`  missed link: ${a} ~ ${b}`);
  }
}
