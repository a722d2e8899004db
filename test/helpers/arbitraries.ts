/**
 * fast-check arbitraries for realistic partner submissions, plus small helpers shared by the
 * merge tests. Entries are drawn from a pool of threat "templates": real, publicly reported
 * threats with their usual names and aliases, and a few unnamed schemes.
 */
import fc from 'fast-check';
import type { Category, RawSubmission, RawThreat, Submission, Trend } from '../../src/core/types.js';

export interface Template {
  /** Short key of the template (test-only, never written into a submission). */
  key: string;
  titles: string[];
  categories: Category[];
  aliases?: string[];
  actors?: string[];
  malware?: string[];
  cves?: string[];
  techniques?: string[];
  sectors?: string[];
  regions?: string[];
}

export const TEMPLATES: readonly Template[] = [
  {
    key: 'lockbit',
    titles: ['LockBit', 'LockBit 3.0', 'LockBit Black ransomware', 'LockBit ransomware affiliates', 'LockBit 3.0 RaaS operations'],
    categories: ['ransomware'],
    aliases: ['LockBit 3.0', 'LockBit Black', 'LockBit'],
    cves: ['CVE-2023-4966', 'CVE-2021-44228'],
    techniques: ['T1190', 'T1486', 'T1490', 'T1021.001'],
    sectors: ['logistics', 'manufacturing', 'healthcare'],
    regions: ['NL', 'DE', 'FR'],
  },
  {
    key: 'akira',
    titles: ['Akira', 'Akira ransomware', 'Akira ransomware group'],
    categories: ['ransomware'],
    aliases: ['Akira'],
    cves: ['CVE-2023-20269', 'CVE-2024-40766'],
    techniques: ['T1133', 'T1486', 'T1078'],
    sectors: ['education', 'manufacturing'],
    regions: ['DE', 'BE'],
  },
  {
    key: 'blackbasta',
    titles: ['Black Basta', 'Black Basta ransomware', 'BlackBasta affiliates'],
    categories: ['ransomware'],
    aliases: ['Black Basta', 'BlackBasta'],
    malware: ['SystemBC'],
    cves: ['CVE-2024-26169'],
    techniques: ['T1566.004', 'T1219', 'T1486'],
    sectors: ['construction', 'manufacturing'],
    regions: ['NL', 'BE'],
  },
  {
    key: 'apt28',
    titles: ['APT28', 'APT28 / Fancy Bear', 'Fancy Bear', 'APT 28 intrusions'],
    categories: ['espionage'],
    aliases: ['Fancy Bear', 'Sofacy', 'Forest Blizzard'],
    actors: ['APT28'],
    techniques: ['T1566.001', 'T1110', 'T1078'],
    sectors: ['government', 'defence'],
    regions: ['EU', 'DE', 'FR'],
  },
  {
    key: 'apt29',
    titles: ['APT29', 'Cozy Bear', 'APT29 / Midnight Blizzard'],
    categories: ['espionage'],
    aliases: ['Cozy Bear', 'Midnight Blizzard', 'NOBELIUM'],
    actors: ['APT29'],
    techniques: ['T1195.002', 'T1078', 'T1566.001'],
    sectors: ['government', 'diplomacy'],
    regions: ['EU', 'BE'],
  },
  {
    key: 'qakbot',
    titles: ['QakBot', 'Qbot', 'QakBot loader', 'QakBot botnet resurgence'],
    categories: ['malware'],
    aliases: ['Qbot', 'QuakBot', 'Pinkslipbot'],
    malware: ['QakBot'],
    techniques: ['T1566.001', 'T1055', 'T1204.002'],
    sectors: ['finance'],
    regions: ['DE', 'NL'],
  },
  {
    key: 'emotet',
    titles: ['Emotet', 'Emotet botnet', 'Emotet loader'],
    categories: ['malware'],
    aliases: ['Heodo', 'Geodo'],
    malware: ['Emotet'],
    techniques: ['T1566.001', 'T1204.002'],
    sectors: ['finance', 'government'],
    regions: ['DE', 'FR'],
  },
  {
    key: 'clop',
    titles: ['Cl0p', 'Clop ransomware', 'Clop'],
    categories: ['ransomware', 'data-theft'],
    aliases: ['Cl0p', 'TA505'],
    cves: ['CVE-2023-34362', 'CVE-2023-0669'],
    techniques: ['T1190', 'T1567'],
    sectors: ['finance', 'healthcare'],
    regions: ['EU'],
  },
  {
    key: 'alphv',
    titles: ['ALPHV', 'BlackCat', 'ALPHV/BlackCat ransomware'],
    categories: ['ransomware'],
    aliases: ['ALPHV', 'BlackCat', 'Noberus'],
    cves: ['CVE-2023-4966'],
    techniques: ['T1486', 'T1078'],
    sectors: ['healthcare'],
    regions: ['EU', 'DE'],
  },
  {
    key: 'scatteredspider',
    titles: ['Scattered Spider', 'Scattered Spider / UNC3944', 'Octo Tempest intrusions'],
    categories: ['data-theft', 'ransomware'],
    aliases: ['UNC3944', 'Octo Tempest', '0ktapus'],
    techniques: ['T1566.004', 'T1621', 'T1078'],
    sectors: ['telecommunications', 'hospitality'],
    regions: ['EU', 'FR'],
  },
  {
    key: 'bec',
    titles: ['CEO fraud against SMEs', 'Business email compromise targeting small businesses', 'Fake CEO scams against SMEs', 'BEC fraud against small and medium enterprises'],
    categories: ['business-email-compromise'],
    techniques: ['T1566.002', 'T1534'],
    sectors: ['sme', 'finance'],
    regions: ['NL', 'BE', 'DE'],
  },
  {
    key: 'investment',
    titles: ['Crypto investment fraud', 'Fake trading platforms', 'Pig butchering scams', 'Investment scams via social media'],
    categories: ['online-fraud', 'cryptocurrency-crime'],
    sectors: ['citizens'],
    regions: ['EU', 'FR', 'ES'],
  },
  {
    key: 'bankhelpdesk',
    titles: ['Bank helpdesk fraud', 'Spoofed bank calls', 'Safe account scams'],
    categories: ['payment-fraud'],
    sectors: ['citizens', 'finance'],
    regions: ['NL', 'BE'],
  },
  {
    key: 'ddos',
    titles: ['Pro-Russian hacktivist DDoS', 'NoName057(16) DDoS attacks', 'DDoS by hacktivists against government websites'],
    categories: ['ddos', 'hacktivism'],
    aliases: ['NoName057(16)'],
    techniques: ['T1498', 'T1499'],
    sectors: ['government', 'transport'],
    regions: ['EU', 'DE', 'ES'],
  },
  {
    key: 'infostealer',
    titles: ['Infostealer logs sold on markets', 'Information stealers as a service', 'Credential stealer malware campaigns'],
    categories: ['malware', 'crime-as-a-service'],
    malware: ['Lumma Stealer', 'RedLine'],
    techniques: ['T1555', 'T1539'],
    sectors: ['citizens', 'finance'],
    regions: ['EU'],
  },
];

/** The templates as a MISP-galaxy-style alias file, for tests that pass knowledge. */
export function templateGalaxy(): { values: { value: string; meta: { synonyms: string[] } }[] } {
  return {
    values: TEMPLATES.filter((t) => t.aliases && t.aliases.length > 0).map((t) => ({ value: t.titles[0]!, meta: { synonyms: t.aliases! } })),
  };
}

export const PARTNER_ID = /^[a-z0-9][a-z0-9-]{1,31}$/;
const TLPS = ['clear', 'green', 'amber', 'amber+strict', 'red', 'TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;
const TRENDS: Trend[] = ['increasing', 'stable', 'decreasing'];

/** A generated entry together with the template it came from (the ground truth). */
export interface GenEntry {
  template: string;
  threat: RawThreat;
  line: number;
}

export interface GenSubmission {
  partner: string;
  file: string;
  tlp?: string;
  entries: GenEntry[];
}

function optionalSubset(values: readonly string[] | undefined, minLength = 0): fc.Arbitrary<string[] | undefined> {
  if (!values || values.length === 0) return fc.constant(undefined);
  return fc.option(fc.subarray([...values], { minLength: Math.max(1, minLength) }), { nil: undefined, freq: 2 });
}

/** One partner's entry about a template (the id and rank are filled in by the submission). */
function entryArb(t: Template): fc.Arbitrary<Omit<RawThreat, 'id'>> {
  return fc
    .record({
      title: fc.constantFrom(...t.titles),
      category: fc.oneof({ weight: 4, arbitrary: fc.constant(t.categories[0]!) }, { weight: 1, arbitrary: fc.constantFrom(...t.categories) }),
      likelihood: fc.integer({ min: 1, max: 5 }),
      impact: fc.integer({ min: 1, max: 5 }),
      confidence: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      trend: fc.option(fc.constantFrom(...TRENDS), { nil: undefined }),
      tlp: fc.option(fc.constantFrom(...TLPS), { nil: undefined, freq: 2 }),
      aliases: optionalSubset(t.aliases),
      actors: optionalSubset(t.actors),
      malware: optionalSubset(t.malware),
      cves: optionalSubset(t.cves),
      techniques: optionalSubset(t.techniques),
      sectors: optionalSubset(t.sectors),
      regions: optionalSubset(t.regions),
    })
    .map((r) => {
      // Leave out absent optional fields altogether, as a parsed document would.
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
      return out as unknown as Omit<RawThreat, 'id'>;
    });
}

const ID_STYLES = [
  (p: string, i: number) => `T-${String(i + 1).padStart(3, '0')}`,
  (p: string, i: number) => `${p.slice(0, 4).toUpperCase().replace(/-/g, '')}X-2026-${String(i + 1).padStart(2, '0')}`,
  (_p: string, i: number) => `threat.${i + 1}`,
] as const;

export interface SubmissionsOptions {
  minPartners?: number;
  maxPartners?: number;
  maxEntries?: number;
  /** 'optional' (default): some partners rank some entries; 'all': every entry has a rank; 'none'. */
  ranks?: 'optional' | 'all' | 'none';
  /** Draw each input's entries from a random pool of this many templates (all by default). */
  pool?: number;
}

/** One partner's submission: 1–maxEntries entries, each about a different template. */
function submissionArb(partner: string, opts: Required<SubmissionsOptions>, indices: readonly number[]): fc.Arbitrary<GenSubmission> {
  return fc
    .shuffledSubarray([...indices], { minLength: 1, maxLength: Math.min(opts.maxEntries, indices.length) })
    .chain((chosen) =>
      fc.record({
        entries: fc.tuple(...chosen.map((i) => entryArb(TEMPLATES[i]!))),
        idStyle: fc.integer({ min: 0, max: ID_STYLES.length - 1 }),
        rankMode: opts.ranks === 'optional' ? fc.constantFrom('none', 'all', 'some') : fc.constant(opts.ranks),
        rankMask: fc.array(fc.boolean(), { minLength: chosen.length, maxLength: chosen.length }),
        rankOrder: fc.shuffledSubarray(
          chosen.map((_, k) => k + 1),
          { minLength: chosen.length, maxLength: chosen.length },
        ),
        tlp: fc.option(fc.constantFrom(...TLPS), { nil: undefined }),
        firstLine: fc.integer({ min: 10, max: 20 }),
        spacing: fc.integer({ min: 6, max: 20 }),
      }).map(({ entries, idStyle, rankMode, rankMask, rankOrder, tlp, firstLine, spacing }) => {
        const gen: GenEntry[] = entries.map((e, k) => {
          const ranked = rankMode === 'all' || (rankMode === 'some' && rankMask[k]);
          const threat = { id: ID_STYLES[idStyle]!(partner, k), ...e, ...(ranked ? { rank: rankOrder[k]! } : {}) } as RawThreat;
          return { template: TEMPLATES[chosen[k]!]!.key, threat, line: firstLine + k * spacing };
        });
        return { partner, file: `submissions/${partner}.yaml`, ...(tlp !== undefined ? { tlp } : {}), entries: gen };
      }),
    );
}

export function submissionsArb(options: SubmissionsOptions = {}): fc.Arbitrary<GenSubmission[]> {
  const opts: Required<SubmissionsOptions> = { minPartners: 2, maxPartners: 6, maxEntries: 12, ranks: 'optional', pool: TEMPLATES.length, ...options };
  const all = TEMPLATES.map((_, i) => i);
  const pool = opts.pool >= all.length ? fc.constant(all) : fc.subarray(all, { minLength: opts.pool, maxLength: opts.pool });
  return fc
    .tuple(fc.uniqueArray(fc.stringMatching(PARTNER_ID), { minLength: opts.minPartners, maxLength: opts.maxPartners }), pool)
    .chain(([partners, indices]) => fc.tuple(...partners.map((p) => submissionArb(p, opts, indices))));
}

/** Turn generated submissions into the pipeline's `Submission`s (entry lines travel with the entries). */
export function toSubmissions(gen: readonly GenSubmission[]): Submission[] {
  return gen.map((g) => {
    const document: RawSubmission = {
      schemaVersion: 1,
      partner: { id: g.partner, name: `Partner ${g.partner}` },
      issued: '2026-10-01',
      ...(g.tlp !== undefined ? { tlp: g.tlp } : {}),
      threats: g.entries.map((e) => e.threat),
    };
    return { file: g.file, document, entryLines: g.entries.map((e) => e.line) };
  });
}

export function entryKeys(gen: readonly GenSubmission[]): string[] {
  return gen.flatMap((g) => g.entries.map((e) => `${g.partner}/${e.threat.id}`));
}

/** A deterministic PRNG (mulberry32) for shuffles driven by a generated seed. */
export function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * Shuffle entries without changing the partner's own order: entries the partner's order cannot
 * tell apart (no rank and equal likelihood × impact, where the file order decides) keep their
 * relative order; everything else moves freely.
 */
export function shuffleKeepingPartnerOrder(entries: readonly GenEntry[], random: () => number): GenEntry[] {
  const classOf = (e: GenEntry) => (e.threat.rank !== undefined ? `r${e.threat.rank}` : `li${e.threat.likelihood * e.threat.impact}`);
  const shuffled = shuffle(entries, random);
  // Refill each class's slots with that class's entries in their original order.
  const queues = new Map<string, GenEntry[]>();
  for (const e of entries) queues.set(classOf(e), [...(queues.get(classOf(e)) ?? []), e]);
  return shuffled.map((e) => queues.get(classOf(e))!.shift()!);
}

/** Build a single submission by hand, for unit tests. */
export function submission(partner: string, threats: (Partial<RawThreat> & { title: string })[], extra: Partial<RawSubmission> = {}): Submission {
  const document: RawSubmission = {
    schemaVersion: 1,
    partner: { id: partner, name: `Partner ${partner}` },
    issued: '2026-10-01',
    ...extra,
    threats: threats.map((t, i) => ({ id: `T-${String(i + 1).padStart(3, '0')}`, category: 'ransomware', likelihood: 3, impact: 3, ...t }) as RawThreat),
  };
  return { file: `${partner}.yaml`, document, entryLines: threats.map((_, i) => 10 + 8 * i) };
}

export const TOOL = { name: 'threatmerge', version: '0.0.0-test' };

const SYLLABLES = ['kra', 'vor', 'zen', 'tal', 'mox', 'rix', 'dra', 'pel', 'quo', 'nix', 'bar', 'sol', 'vek', 'tor', 'lum', 'gra', 'fen', 'oth', 'yss', 'gul'];
const NAME_SUFFIXES = ['', ' ransomware', ' group', ' affiliates', ' loader', ' operations'];
const SCHEMES = ['Invoice fraud', 'Phishing', 'Smishing', 'Account takeover', 'Sextortion', 'Fake webshops', 'Romance scams', 'Money mule recruitment', 'SIM swapping', 'Card skimming'];
const TARGETS = ['hospitals', 'municipalities', 'pensioners', 'students', 'logistics firms', 'law firms', 'retailers', 'farmers', 'shipping', 'universities'];
const CATEGORY_MIX: [Category, number][] = [
  ['ransomware', 30], ['phishing', 14], ['online-fraud', 12], ['malware', 10], ['data-theft', 8], ['espionage', 6], ['ddos', 5],
  ['business-email-compromise', 5], ['payment-fraud', 4], ['cryptocurrency-crime', 3], ['hacktivism', 3],
];

/**
 * A large deterministic input for scale tests: `partners` partners of `perPartner` entries each,
 * drawn from `threats` synthetic threats (made-up names, or unnamed schemes against a target).
 */
export function syntheticCorpus(seed: number, partners: number, perPartner: number, threats: number): Submission[] {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const pickCategory = (): Category => {
    const total = CATEGORY_MIX.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [c, w] of CATEGORY_MIX) if ((r -= w) < 0) return c;
    return 'other';
  };
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const used = new Set<string>();
  const pool = [...Array(threats).keys()].map((i) => {
    const category = pickCategory();
    if (i % 4 === 3) return { name: undefined, title: `${pick(SCHEMES)} against ${pick(TARGETS)}`, category, cve: undefined };
    let name = '';
    do name = capital([...Array(2 + Math.floor(random() * 2))].map(() => pick(SYLLABLES)).join('')); while (used.has(name));
    used.add(name);
    const cve = random() < 0.4 ? `CVE-2024-${String(1000 + Math.floor(random() * 400))}` : undefined;
    return { name, title: name, category, cve };
  });
  return [...Array(partners).keys()].map((p) => {
    const partner = `partner-${String(p + 1).padStart(2, '0')}`;
    const chosen = shuffle(pool, random).slice(0, perPartner);
    const threats = chosen.map((t, i) => ({
      id: `T-${String(i + 1).padStart(4, '0')}`,
      title: t.name ? `${t.name}${pick(NAME_SUFFIXES)}` : t.title,
      category: t.category,
      likelihood: 1 + Math.floor(random() * 5),
      impact: 1 + Math.floor(random() * 5),
      ...(t.cve ? { cves: [t.cve] } : {}),
    }) as RawThreat);
    return {
      file: `${partner}.yaml`,
      document: { schemaVersion: 1 as const, partner: { id: partner, name: partner }, issued: '2026-10-01', threats },
      entryLines: threats.map((_, i) => 10 + 7 * i),
    };
  });
}
