/** The merge pipeline, pure: valid submissions → normalise → resolve → rank → the merged result. */
import { createHash } from 'node:crypto';
import { Lexicon, type AliasGroup } from './aliases.js';
import type { Assessment, Contribution, Evidence, JointThreat, MergeResult, MergedPartner, Withheld } from './merged.js';
import {
  defaultTlp, foldedWords, foldText, isAsciiText, isSpecificWord, mostRestrictive, nameKeysOf, normaliseSubmissions, specificWordCount, tlpRank, type NormEntry,
} from './normalise.js';
import { DEFAULT_RANK, rank, type RankInput, type RankParameters } from './rank.js';
import { DEFAULT_RESOLVE, resolve, type Decision, type ParallelScorer, type ResolveParameters, type ResolveStats } from './resolve.js';
import type { Category, Reliability, Submission, Tlp, Trend } from './types.js';
import { cmp, memoised } from './util.js';

export interface MergeSettings {
  resolve: ResolveParameters;
  rank: RankParameters;
  /** Weight per Admiralty reliability grade; equal by default. */
  reliabilityWeights: Record<Reliability, number>;
  /** Per-partner overrides from the config file. */
  partners: Record<string, { weight?: number; reliability?: Reliability }>;
}

export const DEFAULT_SETTINGS: MergeSettings = {
  resolve: DEFAULT_RESOLVE,
  rank: DEFAULT_RANK,
  reliabilityWeights: { A: 1, B: 1, C: 1, D: 1, E: 1, F: 1 },
  partners: {},
};

export interface MergeInput {
  submissions: readonly Submission[];
  knowledge?: readonly AliasGroup[];
  decisions?: readonly Decision[];
  settings?: MergeSettings;
  /** Files left out with --skip-invalid. */
  skippedInvalid?: readonly string[];
  /** Keep only entries that may be shared with this audience (TLP). */
  audience?: Tlp;
  /** Explain the uncertain pairs left apart (`review` of the output); default true. Costs time on large inputs. */
  review?: boolean;
  /** Called as each phase ends, with its name (for the bench). */
  onPhase?: (phase: string) => void;
  /** A second thread for pair scoring; the result is the same without it. */
  scorer?: ParallelScorer;
  tool: { name: string; version: string };
}

export interface MergeOutput {
  result: MergeResult;
  review: Evidence[];
  stats: ResolveStats;
}

export function merge(input: MergeInput): MergeOutput {
  const lap = input.onPhase ?? (() => {});
  const settings = input.settings ?? DEFAULT_SETTINGS;
  const { kept, withheld } = withhold(input.submissions, input.audience);

  const lexicon = new Lexicon();
  lexicon.addKnowledge(input.knowledge ?? []);
  for (const s of kept) {
    for (const t of s.document.threats) {
      for (const n of [...(t.aliases ?? []), ...(t.actors ?? []), ...(t.malware ?? [])]) lexicon.addPartnerName(n);
    }
  }
  for (const s of kept) for (const t of s.document.threats) lexicon.addTitle(t.title);
  lexicon.addPartnerAliases(kept.flatMap((s) => s.document.threats.map((t) => ({ partner: s.document.partner.id, names: [t.title, ...(t.aliases ?? [])] }))));

  lap('lexicon');
  const entries = normaliseSubmissions(kept, lexicon);
  lap('normalise');
  const resolved = resolve(entries, input.decisions ?? [], settings.resolve, {
    review: input.review ?? true,
    onPhase: (phase) => lap(`resolve: ${phase}`),
    ...(input.scorer ? { scorer: input.scorer } : {}),
  });

  const partners = describePartners(kept, settings);
  const weights = new Map(partners.map((p) => [p.id, p.weight]));
  const positions = partnerPositions(entries);

  const groups = resolved.groups.map((members, gi) => ({
    id: threatId(members.map((i) => entries[i]!.key)),
    members: members.map((i) => entries[i]!),
    links: resolved.links[gi]!,
  }));
  const rankInputs: RankInput[] = groups.map((g) => ({ id: g.id, views: views(g.members, positions) }));
  lap('groups');
  const ranking = rank(rankInputs, weights, settings.rank);
  lap('rank');
  const byId = new Map(groups.map((g) => [g.id, g]));

  const threats: JointThreat[] = ranking.ranked.map((r) => {
    const g = byId.get(r.id)!;
    return jointThreat((k) => lexicon.canonical(k), g.id, r.rank, r.score, r.breakdown, g.members, g.links, positions, weights);
  });

  lap('joint threats');
  const result: MergeResult = {
    schemaVersion: 1,
    tool: input.tool,
    method: settings.rank.method,
    parameters: parameterSummary(settings),
    tlp: mostRestrictive(entries.map((e) => e.tlp)),
    partners,
    summary: {
      submissions: kept.length,
      entries: entries.length,
      threats: threats.length,
      duplicatesMerged: entries.length - threats.length,
      skippedInvalid: [...(input.skippedInvalid ?? [])].sort(cmp),
      withheldEntries: withheld.reduce((n, w) => n + w.count, 0),
    },
    withheld,
    threats,
    disagreements: ranking.disagreements,
    warnings: [...lexicon.warnings, ...resolved.warnings],
    refused: resolved.refused.sort((x, y) => cmp(x.a, y.a) || cmp(x.b, y.b)),
  };
  lap('result');
  return { result, review: resolved.review, stats: resolved.stats };
}

/** Entries marked above the audience are removed before merging, so nothing of them can leak. */
function withhold(submissions: readonly Submission[], audience: Tlp | undefined): { kept: Submission[]; withheld: Withheld[] } {
  if (audience === undefined) return { kept: [...submissions], withheld: [] };
  const kept: Submission[] = [];
  const withheld: Withheld[] = [];
  for (const s of submissions) {
    const keep: number[] = [];
    s.document.threats.forEach((t, i) => {
      if (tlpRank(defaultTlp(s, t)) <= tlpRank(audience)) keep.push(i);
    });
    const dropped = s.document.threats.length - keep.length;
    if (dropped > 0) withheld.push({ partner: s.document.partner.id, count: dropped, reason: `marked above TLP:${audience.toUpperCase()}` });
    if (keep.length === 0) continue;
    kept.push({
      file: s.file,
      document: { ...s.document, threats: keep.map((i) => s.document.threats[i]!) },
      entryLines: keep.map((i) => s.entryLines[i]!),
    });
  }
  withheld.sort((a, b) => cmp(a.partner, b.partner));
  return { kept, withheld };
}

function describePartners(submissions: readonly Submission[], settings: MergeSettings): MergedPartner[] {
  return submissions
    .map((s) => {
      const p = s.document.partner;
      const override = settings.partners[p.id] ?? {};
      const reliability = override.reliability ?? p.reliability;
      const weight = override.weight ?? (reliability ? settings.reliabilityWeights[reliability] : 1);
      return {
        id: p.id,
        name: p.name,
        ...(reliability ? { reliability } : {}),
        weight,
        file: s.file,
        entries: s.document.threats.length,
        issued: s.document.issued,
        ...(s.document.period !== undefined ? { period: s.document.period } : {}),
      };
    })
    .sort((a, b) => cmp(a.id, b.id));
}

/**
 * Each partner's own order: the entries it ranked, by rank; then the rest by likelihood × impact
 * (highest first), then by entry id (not file order, so reordering a file changes nothing).
 */
function partnerPositions(entries: readonly NormEntry[]): Map<number, { position: number; of: number }> {
  const byPartner = new Map<string, NormEntry[]>();
  for (const e of entries) {
    const list = byPartner.get(e.partner) ?? [];
    list.push(e);
    byPartner.set(e.partner, list);
  }
  const out = new Map<number, { position: number; of: number }>();
  for (const list of byPartner.values()) {
    const sorted = [...list].sort((a, b) => {
      const ra = a.raw.rank ?? Infinity;
      const rb = b.raw.rank ?? Infinity;
      if (ra !== rb) return ra < rb ? -1 : 1;
      return b.raw.likelihood * b.raw.impact - a.raw.likelihood * a.raw.impact || cmp(a.entryId, b.entryId);
    });
    sorted.forEach((e, i) => out.set(e.index, { position: i + 1, of: sorted.length }));
  }
  return out;
}

/** One view per partner; when a decision put two of a partner's entries together, its best position counts. */
function views(members: readonly NormEntry[], positions: Map<number, { position: number; of: number }>) {
  const byPartner = new Map<string, NormEntry[]>();
  for (const m of members) byPartner.set(m.partner, [...(byPartner.get(m.partner) ?? []), m]);
  return [...byPartner.entries()]
    .sort((a, b) => cmp(a[0], b[0]))
    .map(([partner, list]) => {
      const best = list.reduce((x, y) => (positions.get(x.index)!.position <= positions.get(y.index)!.position ? x : y));
      const pos = positions.get(best.index)!;
      const confidences = list.map((e) => e.raw.confidence).filter((c): c is number => c !== undefined);
      return {
        partner,
        position: pos.position,
        of: pos.of,
        likelihood: mean(list.map((e) => e.raw.likelihood)),
        impact: mean(list.map((e) => e.raw.impact)),
        ...(confidences.length > 0 ? { confidence: mean(confidences) } : {}),
      };
    });
}

/** A threat's id follows its first member, so it survives changes to unrelated inputs. */
export function threatId(memberKeys: readonly string[]): string {
  const first = [...memberKeys].sort(cmp)[0]!;
  return `tm-${createHash('sha256').update(first).digest('hex').slice(0, 12)}`;
}

function jointThreat(
  canonical: (key: string) => string,
  id: string,
  rankNo: number,
  score: number,
  breakdown: Contribution[],
  members: readonly NormEntry[],
  links: readonly Evidence[],
  positions: Map<number, { position: number; of: number }>,
  weights: ReadonlyMap<string, number>,
): JointThreat {
  const weightOf = (e: NormEntry) => weights.get(e.partner) ?? 1;
  const category = weightedMajority(members.map((e) => [e.category, weightOf(e)] as [Category, number]))!;
  const disagreements = new Map<Category, Set<string>>();
  for (const e of members) if (e.category !== category) disagreements.set(e.category, (disagreements.get(e.category) ?? new Set()).add(e.partner));
  const trends = members.filter((e) => e.raw.trend).map((e) => [e.raw.trend!, weightOf(e)] as [Trend, number]);
  const trend = trends.length === 0 ? undefined : (weightedMajority(trends, true) ?? 'mixed');
  const confidences = members.map((e) => e.raw.confidence).filter((c): c is number => c !== undefined);
  const totalWeight = members.reduce((s, e) => s + weightOf(e), 0) || 1;
  const partners = [...new Set(members.map((e) => e.partner))].sort(cmp);
  const assessments: Assessment[] = members.map((e) => ({
    partner: e.partner,
    entry: e.entryId,
    title: e.raw.title,
    category: e.category,
    likelihood: e.raw.likelihood,
    impact: e.raw.impact,
    ...(e.raw.confidence !== undefined ? { confidence: e.raw.confidence } : {}),
    ...(e.raw.rank !== undefined ? { rank: e.raw.rank } : {}),
    position: positions.get(e.index)!.position,
    of: positions.get(e.index)!.of,
    ...(e.raw.trend !== undefined ? { trend: e.raw.trend } : {}),
    tlp: e.tlp,
  }));
  const title = canonicalTitle(members, canonical);
  const actions = new Map<string, { text: string; partners: Set<string> }>();
  for (const e of members) {
    for (const a of e.raw.actions ?? []) {
      const k = foldText(a);
      const item = actions.get(k) ?? { text: a, partners: new Set<string>() };
      item.partners.add(e.partner);
      actions.set(k, item);
    }
  }
  return {
    rank: rankNo,
    id,
    title,
    category,
    categoryDisagreements: [...disagreements].map(([c, ps]) => ({ category: c, partners: [...ps].sort(cmp) })).sort((a, b) => cmp(a.category, b.category)),
    score,
    breakdown,
    breadth: partners.length,
    partners,
    likelihood: round1(members.reduce((s, e) => s + e.raw.likelihood * weightOf(e), 0) / totalWeight),
    impact: round1(members.reduce((s, e) => s + e.raw.impact * weightOf(e), 0) / totalWeight),
    ...(confidences.length > 0 ? { confidence: Math.round(mean(confidences)) } : {}),
    ...(trend !== undefined ? { trend } : {}),
    tlp: mostRestrictive(members.map((e) => e.tlp)),
    aliases: unionNames(members.flatMap((e) => [e.raw.title, ...(e.raw.aliases ?? [])]).filter((n) => n !== title)),
    actors: unionNames(members.flatMap((e) => e.raw.actors ?? [])),
    malware: unionNames(members.flatMap((e) => e.raw.malware ?? [])),
    cves: unionExact(members.flatMap((e) => e.cves)),
    techniques: unionExact(members.flatMap((e) => (e.raw.techniques ?? []).map((t) => t.toUpperCase()))),
    sectors: unionNames(members.flatMap((e) => e.raw.sectors ?? [])),
    regions: unionExact(members.flatMap((e) => e.regions)),
    indicators: unionIndicators(members),
    actions: [...actions.values()].map((a) => ({ text: a.text, partners: [...a.partners].sort(cmp) })).sort((a, b) => cmp(foldText(a.text), foldText(b.text))),
    references: unionExact(members.flatMap((e) => e.raw.references ?? [])),
    summaries: members.filter((e) => e.raw.summary).map((e) => ({ partner: e.partner, text: e.raw.summary! })),
    assessments,
    sources: members.map((e) => ({ partner: e.partner, id: e.entryId, file: e.file, line: e.line, title: e.raw.title })),
    evidence: [...links].sort((x, y) => y.score - x.score || cmp(x.a, y.a) || cmp(x.b, y.b)),
  };
}

/**
 * The canonical title. The group's name is the strong name its sources mention most (a mention
 * in a title counts twice one in an alias list). When at least two sources share it, the title
 * is that name as partners write it, in their titles (counted twice) and alias lists: a
 * capitalised spelling before a lower-case one, then the most used, the fewest words, the
 * shortest, and code-unit order ("LockBit", not "LockBit 3.0 ransomware affiliates").
 * Otherwise it is the shortest source title, ties by code-unit order.
 */
export function canonicalTitle(members: readonly NormEntry[], canonical: (key: string) => string = (k) => k): string {
  const score = new Map<string, number>();
  const sources = new Map<string, number>();
  for (const e of members) {
    const compactTitle = foldedCompact(e.raw.title);
    for (const n of e.strongIdentity) {
      score.set(n, (score.get(n) ?? 0) + (compactTitle.includes(n) ? 2 : 1));
      sources.set(n, (sources.get(n) ?? 0) + 1);
    }
  }
  const top = [...score].filter(([n]) => sources.get(n)! >= 2).sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0];
  if (top !== undefined) {
    const spellings = new Map<string, number>();
    const countClean = (clean: string, weight: number) => {
      if (nameKeysOf(clean).some((k) => canonical(k) === top)) spellings.set(clean, (spellings.get(clean) ?? 0) + weight);
    };
    for (const e of members) {
      for (const phrase of namePhrases(e.raw.title)) countClean(phrase, 2);
      for (const w of new Set([...(e.raw.aliases ?? []), ...(e.raw.actors ?? []), ...(e.raw.malware ?? [])])) countClean(cleanSpaces(w), 1);
    }
    const wordCount = (w: string) => w.split(' ').length;
    const proper = (w: string) => (/\p{Lu}/u.test(w) ? 0 : 1);
    const best = [...spellings].sort((a, b) => proper(a[0]) - proper(b[0]) || b[1] - a[1] || wordCount(a[0]) - wordCount(b[0]) || a[0].length - b[0].length || cmp(a[0], b[0]))[0];
    if (best) return best[0];
  }
  return members.map((e) => e.raw.title).sort((a, b) => a.length - b.length || cmp(a, b))[0]!;
}

function cleanSpaces(w: string): string {
  return w.trim().replace(/\s+/g, ' ');
}

/**
 * The runs of one to three name words in a title, as spellings of a name: "LockBit 3.0" and
 * "NoName057(16)", not "LockBit ransomware". Worked out once per title: a large merge asks for
 * the titles of every member of every group.
 */
function namePhrasesOf(title: string): readonly string[] {
  const words = title.split(/[\s/,;]+/).map(unbracket).filter((w) => w !== '');
  // ASCII text folds word by word, so a phrase's folded words are its words' folded words.
  const folds = isAsciiText(title) ? words.map(foldedWords) : undefined;
  const found: string[] = [];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) {
    const phrase = words.slice(i, i + n).join(' ');
    const onlyNameWords = folds ? allSpecific(folds, i, n) : specificWordCount(phrase) === foldText(phrase).split(' ').length;
    if (onlyNameWords) found.push(cleanSpaces(phrase));
  }
  return found;
}

const namePhrases = memoised(namePhrasesOf, 1 << 18);

/** Whether the folded words of words[i, i + n) are all specific (what specificWordCount counts), and there is one at least. */
function allSpecific(folds: readonly string[][], i: number, n: number): boolean {
  let position = 0;
  for (let k = i; k < i + n; k++) {
    for (const t of folds[k]!) {
      if (!isSpecificWord(t, position)) return false;
      position++;
    }
  }
  return position > 0;
}

/** foldText without its spaces ("Lock Bit 3.0" → "lockbit3.0"), once per distinct text. */
const foldedCompact = memoised((text) => foldText(text).replace(/ /g, ''), 1 << 18);

/** A word without the brackets and quotes around it: "(LockBit" → "LockBit", but "NoName057(16)" stays. */
function unbracket(word: string): string {
  let w = word.replace(/^[("'“]+/, '');
  const open = (w.match(/\(/g) ?? []).length;
  while (w.endsWith(')') && (w.match(/\)/g) ?? []).length > open) w = w.slice(0, -1);
  return w.replace(/["'”:.]+$/, '');
}

function weightedMajority<T extends string>(votes: readonly [T, number][], strict = false): T | undefined {
  const totals = new Map<T, number>();
  for (const [v, w] of votes) totals.set(v, (totals.get(v) ?? 0) + w);
  const sorted = [...totals].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]));
  if (sorted.length === 0) return undefined;
  if (strict && sorted.length > 1 && sorted[0]![1] === sorted[1]![1]) return undefined;
  return sorted[0]![0];
}

/** Union of names, one surface form per folded name (the first seen, in partner order). */
function unionNames(names: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) {
    const k = foldedCompact(n);
    if (k !== '' && !seen.has(k)) seen.set(k, n);
  }
  return [...seen].sort((a, b) => cmp(a[0], b[0])).map(([, v]) => v);
}

function unionExact(values: readonly string[]): string[] {
  return [...new Set(values)].sort(cmp);
}

function unionIndicators(members: readonly NormEntry[]): { type: string; value: string }[] {
  const seen = new Map<string, { type: string; value: string }>();
  for (const e of members) {
    for (const i of e.raw.indicators ?? []) {
      const k = `${i.type}:${i.value.trim().toLowerCase()}`;
      if (!seen.has(k)) seen.set(k, { type: i.type, value: i.value });
    }
  }
  return [...seen].sort((a, b) => cmp(a[0], b[0])).map(([, v]) => v);
}

function parameterSummary(s: MergeSettings): Record<string, number | string | boolean> {
  const r = s.rank;
  return {
    positionWeight: r.positionWeight,
    shrinkage: r.shrinkage,
    neutral: r.neutral,
    breadth: r.breadth,
    breadthWeight: r.breadthWeight,
    rrfK: r.rrfK,
    linkThreshold: s.resolve.linkThreshold,
    reviewThreshold: s.resolve.reviewThreshold,
    onePerPartner: s.resolve.onePerPartner,
  };
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
