/**
 * Dedup quality on a labelled corpus: merge its submissions and score the groups against its
 * truth file. Used by `npm run eval` and by the test that guards the quality floor.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkBytes } from './core/check.js';
import { evaluate, type Evaluation } from './core/evaluate.js';
import { formatFromName } from './core/load.js';
import { merge, type MergeSettings } from './core/merge.js';
import type { Submission } from './core/types.js';
import { submissionValidator } from './commands/inputs.js';

export interface CorpusEvaluation {
  overall: Evaluation;
  named: Evaluation;
  unnamed: Evaluation;
  threats: number;
  trueGroups: number;
  /** Entries merged that should not be, and entries apart that belong together (for tuning). */
  falseLinks: [string, string][];
  missedLinks: [string, string][];
}

interface Truth {
  groups: Record<string, string[]>;
  named: string[];
}

export async function loadCorpus(dir: string, truthFile = 'truth.json'): Promise<{ submissions: Submission[]; truth: Truth }> {
  const validator = await submissionValidator();
  const names = (await readdir(dir)).filter((n) => /\.(ya?ml|json)$/.test(n) && n !== truthFile).sort();
  const submissions: Submission[] = [];
  for (const name of names) {
    const checked = checkBytes(await readFile(join(dir, name)), name, formatFromName(name), validator, { today: '2099-12-31' });
    if (!checked.submission) throw new Error(`${name} is not a valid submission: ${checked.report.diagnostics.map((d) => d.message).join('; ')}`);
    submissions.push(checked.submission);
  }
  const truth = JSON.parse(await readFile(join(dir, truthFile), 'utf8')) as Truth;
  return { submissions, truth };
}

export function evaluateSubmissions(submissions: readonly Submission[], truth: Truth, settings?: MergeSettings): CorpusEvaluation {
  const { result } = merge({ submissions, ...(settings ? { settings } : {}), tool: { name: 'threatmerge', version: 'eval' } });
  const predicted = new Map<string, string>();
  for (const t of result.threats) for (const s of t.sources) predicted.set(`${s.partner}/${s.id}`, t.id);
  const truthMap = new Map<string, string>();
  for (const [group, members] of Object.entries(truth.groups)) for (const m of members) truthMap.set(m, group);
  const missing = [...truthMap.keys()].filter((k) => !predicted.has(k));
  if (missing.length > 0) throw new Error(`truth names entries the merge did not see: ${missing.slice(0, 5).join(', ')}`);
  const namedGroups = new Set(truth.named);
  const named = new Set([...truthMap].filter(([, g]) => namedGroups.has(g)).map(([k]) => k));
  const unnamed = new Set([...truthMap.keys()].filter((k) => !named.has(k)));

  const falseLinks: [string, string][] = [];
  const missedLinks: [string, string][] = [];
  const keys = [...truthMap.keys()].sort();
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j < keys.length; j++) {
      const samePred = predicted.get(keys[i]!) === predicted.get(keys[j]!);
      const sameTrue = truthMap.get(keys[i]!) === truthMap.get(keys[j]!);
      if (samePred && !sameTrue) falseLinks.push([keys[i]!, keys[j]!]);
      if (!samePred && sameTrue) missedLinks.push([keys[i]!, keys[j]!]);
    }
  }
  return {
    overall: evaluate(predicted, truthMap),
    named: evaluate(predicted, truthMap, named),
    unnamed: evaluate(predicted, truthMap, unnamed),
    threats: result.threats.length,
    trueGroups: Object.keys(truth.groups).length,
    falseLinks,
    missedLinks,
  };
}
