/** Dedup quality against known true groups: pairwise and B-cubed precision, recall and F1. */

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  entries: number;
  pairwise: Scores;
  bcubed: Scores;
}

/**
 * `predicted` and `truth` map each entry key to a cluster label. Only entries present in both are
 * scored; `subset` restricts scoring to some entries (e.g. the named threats), still judging their
 * links against the whole clustering.
 */
export function evaluate(predicted: ReadonlyMap<string, string>, truth: ReadonlyMap<string, string>, subset?: ReadonlySet<string>): Evaluation {
  const keys = [...truth.keys()].filter((k) => predicted.has(k) && (!subset || subset.has(k)));
  const byPred = groupBy([...truth.keys()].filter((k) => predicted.has(k)), (k) => predicted.get(k)!);
  const byTrue = groupBy([...truth.keys()].filter((k) => predicted.has(k)), (k) => truth.get(k)!);

  // Pairwise: pairs with at least one end in the subset.
  let tp = 0;
  let predPairs = 0;
  let truePairs = 0;
  const inSubset = (k: string) => !subset || subset.has(k);
  for (const members of byPred.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (!inSubset(members[i]!) && !inSubset(members[j]!)) continue;
        predPairs++;
        if (truth.get(members[i]!) === truth.get(members[j]!)) tp++;
      }
    }
  }
  for (const members of byTrue.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        if (inSubset(members[i]!) || inSubset(members[j]!)) truePairs++;
      }
    }
  }
  const pairwise = scores(predPairs === 0 ? 1 : tp / predPairs, truePairs === 0 ? 1 : tp / truePairs);

  // B-cubed: per entry, the overlap of its predicted and true clusters.
  let p = 0;
  let r = 0;
  for (const k of keys) {
    const pred = byPred.get(predicted.get(k)!)!;
    const tru = new Set(byTrue.get(truth.get(k)!)!);
    let overlap = 0;
    for (const m of pred) if (tru.has(m)) overlap++;
    p += overlap / pred.length;
    r += overlap / tru.size;
  }
  const n = Math.max(keys.length, 1);
  return { entries: keys.length, pairwise, bcubed: scores(p / n, r / n) };
}

function scores(precision: number, recall: number): Scores {
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
