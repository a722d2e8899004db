/** threatmerge.config.yaml → merge settings. The document has been validated against config.v1. */
import { DEFAULT_SETTINGS, type MergeSettings } from './merge.js';
import type { RankParameters } from './rank.js';
import type { ResolveParameters } from './resolve.js';
import type { Reliability } from './types.js';

export interface ConfigDocument {
  partners?: Record<string, { weight?: number; reliability?: Reliability }>;
  reliabilityWeights?: Partial<Record<Reliability, number>>;
  ranking?: Partial<RankParameters>;
  resolution?: Partial<ResolveParameters>;
  aliases?: string[];
  decisions?: string[];
}

export function settingsFrom(config: ConfigDocument, method?: RankParameters['method']): MergeSettings {
  return {
    resolve: { ...DEFAULT_SETTINGS.resolve, ...(config.resolution ?? {}) },
    rank: { ...DEFAULT_SETTINGS.rank, ...(config.ranking ?? {}), ...(method ? { method } : {}) },
    reliabilityWeights: { ...DEFAULT_SETTINGS.reliabilityWeights, ...(config.reliabilityWeights ?? {}) },
    partners: { ...(config.partners ?? {}) },
  };
}
