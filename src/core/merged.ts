/** The merge result: the contract that `merge --format json` writes and `report` reads. */
import type { Category, Reliability, Tlp, Trend } from './types.js';

export type RankingMethod = 'weighted' | 'schulze' | 'borda' | 'rrf';

export interface MergedPartner {
  id: string;
  name: string;
  reliability?: Reliability;
  /** Weight used in the ranking (from reliability, or the config file). */
  weight: number;
  file: string;
  /** Number of entries taken from this partner's submission (after withholding). */
  entries: number;
  issued: string;
  period?: string;
}

/** One partner's own view of a joint threat, kept side by side (never last-writer-wins). */
export interface Assessment {
  partner: string;
  entry: string;
  title: string;
  category: Category;
  likelihood: number;
  impact: number;
  confidence?: number;
  /** The partner's own rank, when it gave one. */
  rank?: number;
  /** Position in the partner's order (explicit ranks first, then likelihood × impact), 1-based. */
  position: number;
  /** Number of entries in the partner's order. */
  of: number;
  trend?: Trend;
  tlp: Tlp;
}

export interface Source {
  partner: string;
  id: string;
  file: string;
  line: number;
  title: string;
}

/** One signed part of the evidence for or against a link, in bits (log2 likelihood ratio). */
export interface EvidencePart {
  feature: string;
  bits: number;
  detail: string;
}

export interface Evidence {
  /** `partner/entry-id` of the two entries compared. */
  a: string;
  b: string;
  score: number;
  parts: EvidencePart[];
  /** How the pair was decided: linked by score, by an analyst decision, or refused. */
  outcome: 'linked' | 'decided-same' | 'refused' | 'decided-different';
  reason?: string;
}

export interface Contribution {
  /** A partner id, or a named term: `prior` (shrinkage towards neutral) or `breadth`. */
  term: string;
  value: number;
  detail: string;
}

export interface JointThreat {
  rank: number;
  id: string;
  title: string;
  category: Category;
  /** Other categories partners gave, with the partners that gave them. */
  categoryDisagreements: { category: Category; partners: string[] }[];
  score: number;
  /** Terms that sum exactly to `score`. */
  breakdown: Contribution[];
  /** Number of partners that reported the threat. */
  breadth: number;
  partners: string[];
  likelihood: number;
  impact: number;
  confidence?: number;
  trend?: Trend | 'mixed';
  tlp: Tlp;
  aliases: string[];
  actors: string[];
  malware: string[];
  cves: string[];
  techniques: string[];
  sectors: string[];
  regions: string[];
  indicators: { type: string; value: string }[];
  actions: { text: string; partners: string[] }[];
  references: string[];
  summaries: { partner: string; text: string }[];
  assessments: Assessment[];
  sources: Source[];
  evidence: Evidence[];
}

export interface Withheld {
  partner: string;
  count: number;
  reason: string;
}

export interface RankDisagreement {
  /** Ranked above by the method. */
  higher: string;
  lower: string;
  /** Partners that assessed both and put `lower` first, and those that put `higher` first. */
  preferLower: string[];
  preferHigher: string[];
}

export interface MergeResult {
  schemaVersion: 1;
  tool: { name: string; version: string };
  method: RankingMethod;
  parameters: Record<string, number | string | boolean>;
  /** The most restrictive TLP among the entries included. */
  tlp: Tlp;
  partners: MergedPartner[];
  summary: {
    submissions: number;
    entries: number;
    threats: number;
    /** Entries folded into a threat that another entry already stood for. */
    duplicatesMerged: number;
    skippedInvalid: string[];
    withheldEntries: number;
  };
  withheld: Withheld[];
  threats: JointThreat[];
  disagreements: RankDisagreement[];
  warnings: string[];
  /** Merges refused by a rule (one entry per partner, strong negative evidence, a decision). */
  refused: Evidence[];
  generated?: string;
}
