#!/usr/bin/env node
// Deterministic generator of the labelled entity-resolution corpus for threatmerge.
//
//   node test/corpus/generate.mjs
//
// writes partner-01.yaml ... partner-10.json, truth.json and README.md next to this file.
// Plain Node 20 ESM, no dependencies. All randomness comes from mulberry32 streams derived
// from SEED, so two runs produce byte-identical files. The knowledge tables below are
// hand-written from public reporting; when an alias or CVE link was uncertain it was left out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const SEED = 20260417;

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function mulberry32(a) {
  return function next() {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string, to derive independent streams per label. */
function hash32(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  constructor(label) { this.next = mulberry32((SEED ^ hash32(label)) >>> 0); }
  float() { return this.next(); }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  shuffle(arr) {
    const a = [...arr];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }
  /** Keep each element with probability p, in original order; at least `min` elements. */
  keep(arr, p, min = 0) {
    let out = arr.filter(() => this.chance(p));
    if (out.length < Math.min(min, arr.length)) {
      const rest = this.shuffle(arr.filter((x) => !out.includes(x)));
      const add = new Set(rest.slice(0, Math.min(min, arr.length) - out.length));
      out = arr.filter((x) => out.includes(x) || add.has(x));
    }
    return out;
  }
  /** Pick from {value: weight}. */
  weighted(table) {
    const entries = Object.entries(table);
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1][0];
  }
}

// ---------------------------------------------------------------------------------------------
// Knowledge table: named threats
//
// k: truth key (never written to a partner file)     n: canonical name
// al: other names usable in titles (aliases, versions, alternative spellings)
// xal: aliases that only appear in `aliases`/`actors` fields, not as a title
// ty: hand-picked misspellings                         c / ac: category / plausible alternatives
// act / mw: actors / malware or tools                   cve / t: CVEs / ATT&CK techniques
// s / r: sectors / regions                               kind: summary and suffix flavour
// notes: factual sentences used in summaries             refs: public references
// titles: fully written alternative titles               pop: h(igh) / m(edium) / l(ow) reporting
// L / I: baseline likelihood / impact                    sfx: title suffix override
// defunct: disrupted or shut down; partners mostly report a decreasing trend

const CISA = (id) => `https://www.cisa.gov/news-events/cybersecurity-advisories/${id}`;
const MITRE_G = (id) => `https://attack.mitre.org/groups/${id}/`;
const MITRE_S = (id) => `https://attack.mitre.org/software/${id}/`;

const NAMED = [
  // ---- ransomware ---------------------------------------------------------------------------
  {
    k: 'lockbit', n: 'LockBit', al: ['LockBit 3.0', 'LockBit Black', 'LockBit 2.0'], xal: ['LockBitSupp'],
    ty: ['Lockbit', 'Lock Bit', 'LockBitt', 'Lokbit'], c: 'ransomware', ac: ['crime-as-a-service'],
    act: ['LockBitSupp'], mw: ['LockBit 3.0', 'StealBit', 'Cobalt Strike'],
    cve: ['CVE-2023-4966', 'CVE-2023-0669', 'CVE-2023-27350', 'CVE-2020-1472', 'CVE-2018-13379', 'CVE-2021-44228'],
    t: ['T1486', 'T1490', 'T1190', 'T1133', 'T1078', 'T1562.001', 'T1021.001', 'T1567.002'],
    s: ['manufacturing', 'finance', 'healthcare', 'government', 'legal', 'logistics'], r: ['GLOBAL', 'EU', 'US', 'GB', 'DE', 'NL'],
    notes: [
      'Affiliates exploited Citrix Bleed (CVE-2023-4966) against large enterprises in late 2023.',
      'Operation Cronos (February 2024) seized the leak site and infrastructure, but affiliates kept operating with rebuilt infrastructure.',
      'The operation offers affiliates the StealBit exfiltration tool.',
      'Affiliates have also exploited PaperCut (CVE-2023-27350) and GoAnywhere MFT (CVE-2023-0669).',
    ],
    refs: [CISA('aa23-325a'), CISA('aa23-165a')], pop: 'h', L: 4, I: 5,
    titles: ['Citrix Bleed exploitation by LockBit affiliates', 'LockBit 3.0 (LockBit Black) RaaS'],
  },
  {
    k: 'alphv', n: 'ALPHV', al: ['BlackCat', 'ALPHV/BlackCat', 'Noberus'], ty: ['Alphv', 'ALHPV', 'Black Cat'],
    c: 'ransomware', ac: ['data-theft'], act: [], mw: ['BlackCat', 'ExMatter'],
    cve: ['CVE-2021-27876', 'CVE-2021-27877', 'CVE-2021-27878'],
    t: ['T1486', 'T1490', 'T1078', 'T1021.001', 'T1567.002', 'T1562.001'],
    s: ['healthcare', 'finance', 'technology', 'hospitality'], r: ['US', 'GLOBAL', 'EU'],
    notes: [
      'Rust-based ransomware, one of the first major families written in Rust.',
      'The operators staged an exit scam in March 2024 after the Change Healthcare attack.',
      'The FBI disrupted its infrastructure in December 2023.',
      'Affiliates exploited Veritas Backup Exec vulnerabilities for initial access.',
    ],
    refs: [CISA('aa23-353a')], defunct: true, pop: 'm', L: 2, I: 4,
  },
  {
    k: 'black-basta', n: 'Black Basta', al: [], ty: ['Blackbasta', 'BlackBasta', 'Black Basata', 'Black Bsta'],
    c: 'ransomware', ac: [], act: ['Storm-0506'], mw: ['QakBot', 'Cobalt Strike'],
    cve: ['CVE-2024-1709', 'CVE-2020-1472', 'CVE-2021-42278', 'CVE-2021-42287', 'CVE-2021-34527', 'CVE-2024-26169', 'CVE-2024-37085'],
    t: ['T1486', 'T1490', 'T1566.004', 'T1219', 'T1068', 'T1562.001'],
    s: ['healthcare', 'manufacturing', 'critical infrastructure'], r: ['US', 'DE', 'GB', 'EU'],
    notes: [
      'Initial access historically came through QakBot infections, later through email bombing followed by fake IT-support calls on Microsoft Teams.',
      'Internal chat logs of the group were leaked in February 2025.',
      'Affiliates exploited ConnectWise ScreenConnect (CVE-2024-1709) and the VMware ESXi authentication bypass CVE-2024-37085.',
    ],
    refs: [CISA('aa24-131a')], pop: 'm', L: 3, I: 4,
  },
  {
    k: 'akira', n: 'Akira', al: [], ty: ['Akria', 'Akirra'], c: 'ransomware', ac: [],
    act: ['Storm-1567'], mw: ['Akira_v2', 'Megazord'],
    cve: ['CVE-2020-3259', 'CVE-2023-20269', 'CVE-2024-40766', 'CVE-2024-37085', 'CVE-2023-27532', 'CVE-2024-40711'],
    t: ['T1486', 'T1490', 'T1133', 'T1078', 'T1110.003', 'T1021.001', 'T1567.002'],
    s: ['education', 'manufacturing', 'smes', 'healthcare'], r: ['US', 'EU', 'GLOBAL', 'DE', 'NL'],
    notes: [
      'Targets Cisco ASA/FTD VPNs without MFA and SonicWall SSL VPNs (CVE-2024-40766) for initial access.',
      'Encrypts VMware ESXi hosts with a Linux variant.',
      'The Akira_v2 and Megazord variants were observed in 2023 and 2024.',
      'Affiliates exploited Veeam Backup & Replication flaws to harvest credentials.',
    ],
    refs: [CISA('aa24-109a')], pop: 'h', L: 5, I: 4,
  },
  {
    k: 'fog', n: 'Fog', al: [], ty: ['FOG'], c: 'ransomware', ac: [], act: [], mw: [],
    cve: ['CVE-2024-40766', 'CVE-2024-40711'], t: ['T1486', 'T1490', 'T1133', 'T1078'],
    s: ['education', 'smes'], r: ['US', 'EU'],
    notes: [
      'First observed in 2024, initially against US education and recreation organisations.',
      'Operators log in with compromised VPN credentials, including SonicWall SSL VPN accounts.',
    ],
    refs: [], pop: 'm', L: 3, I: 3, sfx: ['ransomware', 'ransomware attacks', 'ransomware intrusions'],
  },
  {
    k: 'cl0p', n: 'Cl0p', al: ['Clop', 'Lace Tempest'], ty: ['CL0P', 'Cl0pp', 'Clopp'], c: 'data-theft', ac: ['ransomware', 'vulnerability-exploitation'],
    act: ['Lace Tempest'], mw: ['LEMURLOOT', 'DEWMODE'],
    cve: ['CVE-2023-34362', 'CVE-2023-0669', 'CVE-2021-27101', 'CVE-2024-50623', 'CVE-2024-55956', 'CVE-2025-61882'],
    t: ['T1190', 'T1505.003', 'T1567', 'T1486'],
    s: ['finance', 'government', 'education', 'healthcare', 'technology'], r: ['GLOBAL', 'US', 'GB', 'EU'],
    notes: [
      'Mass exploitation of MOVEit Transfer (CVE-2023-34362) in May and June 2023, with the LEMURLOOT web shell.',
      'Earlier mass campaigns hit Accellion FTA and GoAnywhere MFT; late 2024 campaigns abused Cleo file-transfer products.',
      'In mass campaigns the group steals data and extorts victims without encrypting systems.',
    ],
    refs: [CISA('aa23-158a')], pop: 'h', L: 3, I: 5,
    titles: ['MOVEit Transfer mass exploitation (Cl0p)', 'Mass exploitation of managed file transfer software by Lace Tempest', 'Clop data-theft extortion via file-transfer zero-days'],
  },
  {
    k: 'play', n: 'Play', al: ['PlayCrypt'], ty: ['PLAY', 'Playcrypt'], c: 'ransomware', ac: [],
    act: [], mw: ['Grixba', 'Cobalt Strike'],
    cve: ['CVE-2018-13379', 'CVE-2020-12812', 'CVE-2022-41040', 'CVE-2022-41082'],
    t: ['T1486', 'T1190', 'T1078', 'T1133', 'T1562.001', 'T1048'],
    s: ['government', 'manufacturing', 'legal', 'smes'], r: ['US', 'EU', 'DE', 'NL', 'GLOBAL'],
    notes: [
      'Presumed to be a closed group that runs a data-leak site for double extortion.',
      'Exploited FortiOS and Microsoft Exchange (ProxyNotShell) vulnerabilities for initial access.',
      'Uses the custom Grixba tool to enumerate networks and security software.',
    ],
    refs: [CISA('aa23-352a')], pop: 'm', L: 4, I: 4, sfx: ['ransomware', 'ransomware group', 'ransomware operations'],
  },
  {
    k: 'royal', n: 'Royal', al: ['BlackSuit'], ty: ['Royall', 'Roayl'], c: 'ransomware', ac: [],
    act: ['DEV-0569'], mw: [], cve: [],
    t: ['T1486', 'T1566.004', 'T1133', 'T1021.001', 'T1490'],
    s: ['healthcare', 'education', 'manufacturing', 'critical infrastructure'], r: ['US', 'GLOBAL'],
    notes: [
      'Operated by former Conti members; the operation continued under the BlackSuit name from 2023.',
      'Initial access via callback phishing, RDP and vulnerable public-facing applications.',
      'Uses partial encryption to speed up encryption of large files.',
    ],
    refs: [CISA('aa23-061a')], pop: 'l', L: 2, I: 4, sfx: ['ransomware', 'ransomware group'],
    titles: ['BlackSuit (formerly Royal) ransomware', 'Royal / BlackSuit ransomware'],
  },
  {
    k: 'medusa', n: 'Medusa', al: [], xal: ['Spearwing'], ty: ['Medussa'], c: 'ransomware', ac: ['crime-as-a-service'],
    act: ['Spearwing'], mw: [], cve: ['CVE-2024-1709', 'CVE-2023-48788'],
    t: ['T1486', 'T1190', 'T1566', 'T1219', 'T1490', 'T1562.001'],
    s: ['healthcare', 'education', 'legal', 'manufacturing'], r: ['US', 'GLOBAL', 'EU'],
    notes: [
      'Ransomware-as-a-service active since 2021, not to be confused with MedusaLocker.',
      'Affiliates exploited ConnectWise ScreenConnect (CVE-2024-1709) and Fortinet EMS (CVE-2023-48788).',
      'Runs a public leak blog with countdown timers and offers victims paid deadline extensions.',
    ],
    refs: [CISA('aa25-071a')], pop: 'm', L: 3, I: 4, sfx: ['ransomware', 'RaaS', 'ransomware affiliates'],
  },
  {
    k: 'medusalocker', n: 'MedusaLocker', al: ['Medusa Locker'], ty: ['MeduaLocker', 'MedusaLoker'], c: 'ransomware', ac: [],
    act: [], mw: [], cve: [], t: ['T1486', 'T1133', 'T1021.001', 'T1490', 'T1110'],
    s: ['healthcare', 'smes'], r: ['GLOBAL', 'US'],
    notes: [
      'Ransomware active since 2019 that mainly gains access through exposed and weakly protected Remote Desktop Protocol services.',
      'Unrelated to the Medusa ransomware-as-a-service operation despite the similar name.',
      'Ransom payments are split between the affiliate and the developer.',
    ],
    refs: [CISA('aa22-181a')], pop: 'l', L: 2, I: 3, sfx: ['ransomware', 'ransomware via RDP'],
  },
  {
    k: 'medusa-android', n: 'Medusa Android banking trojan', short: 'Medusa', ambiguousShort: true, al: ['Medusa banking trojan', 'Medusa (Android)'], ty: [],
    c: 'malware', ac: ['online-fraud'], act: [], mw: ['Medusa'], cve: [], t: ['T1417', 'T1517'],
    s: ['finance', 'citizens'], r: ['EU', 'TR', 'IT', 'ES', 'FR'],
    notes: [
      'Android banking trojan that abuses Accessibility Services for overlays, keylogging and remote control of the device.',
      'Spread through SMS lures and dropper apps posing as legitimate applications.',
      'Unrelated to the Medusa ransomware operation.',
    ],
    refs: [], pop: 'm', L: 3, I: 2, sfx: [],
    titles: ['Medusa Android banking malware', 'Medusa mobile banking trojan targeting bank customers', 'Android banker Medusa'],
  },
  {
    k: 'black-kingdom', n: 'Black Kingdom', al: [], xal: ['Pydomer'], ty: ['BlackKingdom', 'Black Kingdon'],
    c: 'ransomware', ac: ['vulnerability-exploitation'], act: [], mw: [], cve: ['CVE-2021-26855', 'CVE-2021-27065'],
    t: ['T1190', 'T1486', 'T1505.003'], s: ['smes', 'manufacturing'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Ransomware deployed against unpatched Microsoft Exchange servers through ProxyLogon in March 2021.',
      'A Python-based, relatively unsophisticated encryptor.',
    ],
    refs: [], defunct: true, pop: 'l', L: 1, I: 3, sfx: ['ransomware'],
  },
  {
    k: 'hive', n: 'Hive', al: [], ty: ['HIVE'], c: 'ransomware', ac: [], act: [], mw: [],
    cve: ['CVE-2020-12812', 'CVE-2021-31207', 'CVE-2021-34473', 'CVE-2021-34523'],
    t: ['T1486', 'T1190', 'T1133', 'T1490', 'T1070.001'], s: ['healthcare', 'critical infrastructure', 'government'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Ransomware-as-a-service dismantled in January 2023 after the FBI, German and Dutch police infiltrated its servers.',
      'Affiliates exploited ProxyShell and FortiOS vulnerabilities.',
      'Heavily targeted hospitals and healthcare providers.',
    ],
    refs: [CISA('aa22-321a')], defunct: true, pop: 'l', L: 1, I: 4, sfx: ['ransomware', 'RaaS'],
  },
  {
    k: 'hunters-international', n: 'Hunters International', al: [], ty: ['Hunter International', 'Hunters Internationl'],
    c: 'ransomware', ac: ['data-theft'], act: [], mw: [], cve: [], t: ['T1486', 'T1567', 'T1190'],
    s: ['healthcare', 'manufacturing', 'education'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Appeared in late 2023 with code overlapping Hive ransomware; the group denied being a Hive rebrand.',
      'Shifted towards data-theft extortion without encryption in 2025.',
    ],
    refs: [], pop: 'l', L: 2, I: 3, sfx: ['ransomware', 'ransomware group', 'extortion group'],
  },
  {
    k: 'hive0117', n: 'Hive0117', al: [], ty: ['Hive 0117', 'Hive0177'], c: 'malware', ac: ['phishing'],
    act: [], mw: ['DarkWatchman'], cve: [], t: ['T1566.001', 'T1204.002', 'T1027', 'T1056.001'],
    s: ['telecommunications', 'manufacturing', 'government'], r: ['LT', 'EE', 'RU'],
    notes: [
      'Financially motivated group tracked by IBM X-Force that distributes the fileless DarkWatchman backdoor.',
      'Phishing emails impersonate government agencies and target users in Lithuania, Estonia and Russia.',
    ],
    refs: [], pop: 'l', L: 2, I: 2, sfx: ['phishing campaigns', 'DarkWatchman campaigns', 'activity'],
  },
  {
    k: 'lockergoga', n: 'LockerGoga', al: [], ty: ['Locker Goga', 'Lockergoga', 'LockerGogo'], c: 'ransomware', ac: [],
    act: [], mw: [], cve: [], t: ['T1486', 'T1531', 'T1484.001'], s: ['manufacturing', 'energy'], r: ['NO', 'FR', 'US'],
    notes: [
      'Ransomware used in the 2019 attack on Norsk Hydro and against other industrial firms.',
      'Suspected operators were arrested in Ukraine in 2021 in a Europol-supported operation.',
    ],
    refs: [], defunct: true, pop: 'l', L: 1, I: 4, sfx: ['ransomware'],
  },
  {
    k: 'conti', n: 'Conti', al: [], xal: ['GOLD ULRICK'], ty: ['CONTI', 'Conty'], c: 'ransomware', ac: [],
    act: ['Wizard Spider'], mw: ['TrickBot', 'BazarLoader', 'Cobalt Strike'], cve: ['CVE-2020-1472', 'CVE-2021-34527'],
    t: ['T1486', 'T1490', 'T1021.002', 'T1003.001', 'T1566.001'], s: ['healthcare', 'government'], r: ['GLOBAL', 'IE', 'US', 'CR'],
    notes: [
      'Ransomware-as-a-service run by Wizard Spider; its internal chats leaked in 2022 after the group declared support for Russia\'s invasion of Ukraine.',
      'Attacked Ireland\'s Health Service Executive in May 2021 and the Costa Rican government in 2022.',
      'Officially shut down in mid-2022; members moved on to other operations.',
    ],
    refs: [CISA('aa21-265a'), MITRE_S('S0575')], defunct: true, pop: 'l', L: 1, I: 4, sfx: ['ransomware', 'ransomware group'],
  },
  {
    k: 'contec-cms8000', n: 'Contec CMS8000 backdoor', short: 'Contec CMS8000', al: ['Contec CMS8000', 'Epsimed MN-120'], ty: ['Contec CMS 8000', 'Contect CMS8000'],
    c: 'vulnerability-exploitation', ac: ['supply-chain-compromise', 'data-theft'], act: [], mw: [],
    cve: ['CVE-2024-12248', 'CVE-2025-0626', 'CVE-2025-0683'], t: [], s: ['healthcare'], r: ['US', 'EU', 'GLOBAL'],
    notes: [
      'CISA and the FDA warned in January 2025 that Contec CMS8000 patient monitors contain a backdoor that can download and run files and leak patient data to a hard-coded address.',
      'The same firmware ships in devices relabelled as Epsimed MN-120.',
    ],
    refs: [], pop: 'l', L: 2, I: 4, sfx: [],
    titles: ['Backdoor in Contec CMS8000 patient monitors', 'Contec CMS8000 patient monitor vulnerabilities', 'Hidden functionality in Contec patient monitors'],
  },
  {
    k: 'ryuk', n: 'Ryuk', al: [], xal: ['UNC1878'], ty: ['RYUK', 'Ryuck'], c: 'ransomware', ac: [],
    act: ['Wizard Spider'], mw: ['TrickBot', 'BazarLoader'], cve: ['CVE-2020-1472'], t: ['T1486', 'T1490', 'T1489', 'T1021.002'],
    s: ['healthcare', 'government'], r: ['US', 'GLOBAL'],
    notes: [
      'Operated by Wizard Spider and typically deployed after TrickBot or BazarLoader infections.',
      'Hit US hospitals hard in 2020.',
    ],
    refs: [MITRE_S('S0446')], defunct: true, pop: 'l', L: 1, I: 4, sfx: ['ransomware'],
  },
  {
    k: 'chaos', n: 'Chaos', al: ['Yashma'], ty: ['Choas'], c: 'ransomware', ac: ['crime-as-a-service'],
    act: [], mw: ['Chaos ransomware builder'], cve: [], t: ['T1486', 'T1490', 'T1485'], s: ['smes', 'citizens'], r: ['GLOBAL'],
    notes: [
      'Ransomware builder first advertised in 2021 as a "Ryuk .NET Ransomware Builder" although it has no link to Ryuk.',
      'Early versions behaved as a wiper, overwriting files rather than encrypting them.',
      'Later builder versions were rebranded as Yashma.',
    ],
    refs: [], pop: 'l', L: 2, I: 2, sfx: ['ransomware', 'ransomware builder'],
    titles: ['Chaos ransomware builder (fake "Ryuk .NET builder")', 'Ryuk .NET builder / Chaos ransomware'],
  },
  {
    k: 'rhysida', n: 'Rhysida', al: [], ty: ['Rhyshida', 'Rhysidia'], c: 'ransomware', ac: [],
    act: [], mw: ['Cobalt Strike'], cve: ['CVE-2020-1472'], t: ['T1486', 'T1133', 'T1566', 'T1021.001', 'T1490'],
    s: ['education', 'healthcare', 'government'], r: ['GB', 'US', 'EU', 'GLOBAL'],
    notes: [
      'Ransomware-as-a-service first seen in 2023, focused on education, healthcare and government.',
      'Attacked the British Library in October 2023.',
      'Operators exploited ZeroLogon (CVE-2020-1472) for privilege escalation.',
    ],
    refs: [CISA('aa23-319a')], pop: 'm', L: 3, I: 4, sfx: ['ransomware', 'RaaS'],
  },
  {
    k: 'vice-society', n: 'Vice Society', al: ['Vanilla Tempest', 'DEV-0832'], ty: ['ViceSociety', 'Vice Socety'], c: 'ransomware', ac: ['data-theft'],
    act: ['Vanilla Tempest'], mw: [], cve: ['CVE-2021-1675', 'CVE-2021-34527'], t: ['T1486', 'T1068', 'T1078', 'T1567'],
    s: ['education', 'healthcare'], r: ['US', 'GB', 'GLOBAL'],
    notes: [
      'Disproportionately targeted schools and universities in 2021 and 2022.',
      'Exploited PrintNightmare for privilege escalation.',
      'Microsoft tracks the actor as Vanilla Tempest (formerly DEV-0832).',
    ],
    refs: [CISA('aa22-249a')], defunct: true, pop: 'l', L: 2, I: 3, sfx: ['ransomware', 'ransomware group', 'extortion attacks'],
  },
  {
    k: 'cuba', n: 'Cuba', al: ['Tropical Scorpius'], xal: ['UNC2596', 'COLDDRAW'], ty: ['CUBA'], c: 'ransomware', ac: [],
    act: ['Tropical Scorpius', 'UNC2596'], mw: ['COLDDRAW', 'BUGHATCH'], cve: ['CVE-2023-27532', 'CVE-2020-1472'],
    t: ['T1486', 'T1190', 'T1068', 'T1562.001'], s: ['critical infrastructure', 'finance', 'government'], r: ['US', 'GLOBAL'],
    notes: [
      'Exploited Veeam Backup & Replication (CVE-2023-27532) to steal credentials.',
      'Uses the BUGHATCH downloader; Mandiant tracks the encryptor as COLDDRAW.',
    ],
    refs: [], pop: 'l', L: 2, I: 3, sfx: ['ransomware'],
  },
  {
    k: 'revil', n: 'REvil', al: ['Sodinokibi', 'Sodin', 'REvil/Sodinokibi'], ty: ['Revil', 'REVIL', 'Sodinokibbi'], c: 'ransomware', ac: ['supply-chain-compromise'],
    act: ['GOLD SOUTHFIELD'], mw: ['Sodinokibi'], cve: ['CVE-2021-30116', 'CVE-2019-2725', 'CVE-2019-11510'],
    t: ['T1486', 'T1195.002', 'T1190', 'T1490'], s: ['technology', 'manufacturing', 'smes'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Responsible for the July 2021 Kaseya VSA supply-chain attack (CVE-2021-30116).',
      'Several members were arrested by Russia\'s FSB in January 2022.',
      'Emerged as a successor to the GandCrab operation.',
    ],
    refs: [], defunct: true, pop: 'l', L: 1, I: 4, sfx: ['ransomware'],
  },
  {
    k: 'ransomhub', n: 'RansomHub', al: [], ty: ['Ransom Hub', 'RansomHubb'], c: 'ransomware', ac: [],
    act: [], mw: ['EDRKillShifter'],
    cve: ['CVE-2023-3519', 'CVE-2023-27997', 'CVE-2023-46604', 'CVE-2023-22515', 'CVE-2023-46747', 'CVE-2023-48788', 'CVE-2020-1472', 'CVE-2017-0144'],
    t: ['T1486', 'T1190', 'T1566', 'T1562.001', 'T1490', 'T1567'], s: ['healthcare', 'critical infrastructure', 'government', 'finance'], r: ['US', 'GLOBAL', 'EU'],
    notes: [
      'Ransomware-as-a-service that emerged in February 2024 and quickly attracted former ALPHV and LockBit affiliates.',
      'Affiliates used the EDRKillShifter tool to disable endpoint protection.',
      'Its leak site went offline in April 2025 and affiliates moved to other programmes.',
    ],
    refs: [CISA('aa24-242a')], defunct: true, pop: 'm', L: 2, I: 4, sfx: ['ransomware', 'RaaS', 'affiliates'],
  },
  {
    k: 'qilin', n: 'Qilin', al: ['Agenda', 'Qilin (Agenda)'], ty: ['Quilin', 'Qillin', 'Qiling'], c: 'ransomware', ac: [],
    act: [], mw: ['Agenda'], cve: [], t: ['T1486', 'T1490', 'T1078', 'T1133', 'T1562.001', 'T1567'],
    s: ['healthcare', 'manufacturing', 'government', 'education'], r: ['GLOBAL', 'GB', 'US', 'EU'],
    notes: [
      'Also known as Agenda; attacked the NHS pathology provider Synnovis in June 2024.',
      'Offers affiliates Go and Rust encryptors, including variants for VMware ESXi.',
      'Absorbed affiliates from other programmes in 2025 and became one of the most prolific leak sites.',
    ],
    refs: [], pop: 'h', L: 5, I: 4, sfx: ['ransomware', 'RaaS', 'ransomware affiliates', 'ransomware attacks'],
  },
  {
    k: 'inc-ransom', n: 'INC Ransom', al: ['INC ransomware'], ty: ['Inc. Ransom', 'INC Ransome', 'Inc Ransom'], c: 'ransomware', ac: ['data-theft'],
    act: [], mw: [], cve: ['CVE-2023-3519'], t: ['T1486', 'T1190', 'T1566', 'T1567'], s: ['healthcare', 'education', 'government'], r: ['GB', 'US', 'EU'],
    notes: [
      'Targets healthcare and education; claimed the 2024 attack on NHS Dumfries and Galloway.',
      'Exploited Citrix NetScaler (CVE-2023-3519) for initial access.',
    ],
    refs: [], pop: 'm', L: 3, I: 4, sfx: ['ransomware', 'ransomware group'],
  },
  {
    k: 'cactus', n: 'Cactus', al: [], ty: ['Catcus', 'CACTUS'], c: 'ransomware', ac: [],
    act: [], mw: [], cve: ['CVE-2023-41265', 'CVE-2023-41266', 'CVE-2023-48365'], t: ['T1486', 'T1190', 'T1027', 'T1219'],
    s: ['manufacturing', 'technology'], r: ['US', 'EU', 'GLOBAL'],
    notes: [
      'Exploited Qlik Sense vulnerabilities (CVE-2023-41265, CVE-2023-41266, CVE-2023-48365) for initial access.',
      'Encrypts its own binary to evade detection.',
    ],
    refs: [], pop: 'l', L: 2, I: 3, sfx: ['ransomware'],
  },
  {
    k: 'dragonforce', n: 'DragonForce', al: [], ty: ['Dragon Force', 'DragonFroce'], c: 'ransomware', ac: ['crime-as-a-service'],
    act: [], mw: [], cve: [], t: ['T1486', 'T1490', 'T1078', 'T1656'], s: ['retail', 'manufacturing'], r: ['GB', 'US', 'EU'],
    notes: [
      'Ransomware cartel linked to the April 2025 attacks on UK retailers, where initial access was attributed to Scattered Spider social engineering.',
      'Offers affiliates white-label branding of its encryptor and leak site.',
    ],
    refs: [], pop: 'm', L: 3, I: 4, sfx: ['ransomware', 'ransomware cartel', 'RaaS'],
  },
  {
    k: 'dragonforce-malaysia', n: 'DragonForce Malaysia', al: [], ty: ['Dragon Force Malaysia', 'DragonForce Malasia'], c: 'hacktivism', ac: ['ddos'],
    act: [], mw: [], cve: [], t: ['T1498', 'T1491.002'], s: ['government', 'finance'], r: ['IL', 'IN'],
    notes: [
      'Pro-Palestinian hacktivist group from Malaysia that ran DDoS and defacement campaigns against Israeli and Indian websites in 2022.',
      'Unrelated to the DragonForce ransomware operation.',
    ],
    refs: [], pop: 'l', L: 2, I: 1, sfx: ['hacktivists', 'hacktivist campaigns', 'DDoS and defacements'],
  },
  {
    k: 'phobos', n: 'Phobos', al: [], xal: ['Backmydata', 'Devos', 'Eking', 'Faust', '8Base'], ty: ['Phobus', 'Phobo'], c: 'ransomware', ac: ['crime-as-a-service'],
    act: ['8Base'], mw: ['SmokeLoader'], cve: [], t: ['T1486', 'T1133', 'T1021.001', 'T1110', 'T1490'],
    s: ['smes', 'government', 'healthcare', 'education'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Ransomware-as-a-service used against small and mid-sized organisations, including municipalities and hospitals.',
      'Affiliate variants include 8Base, Backmydata, Devos, Eking and Faust.',
      'Its alleged administrator was extradited to the United States in 2024.',
    ],
    refs: [CISA('aa24-060a')], pop: 'm', L: 3, I: 3, sfx: ['ransomware', 'RaaS'],
  },

  // ---- malware ------------------------------------------------------------------------------
  {
    k: 'qakbot', n: 'QakBot', al: ['Qbot', 'Pinkslipbot', 'QuackBot'], ty: ['Qakbot', 'Quakbot', 'Qackbot', 'QakBott'], c: 'malware', ac: [], kind: 'loader',
    act: ['TA570', 'TA577'], mw: ['QakBot'], cve: [], t: ['T1566.001', 'T1566.002', 'T1204.002', 'T1055', 'T1053.005', 'T1027.006'],
    s: ['finance', 'manufacturing', 'government'], r: ['GLOBAL', 'US', 'EU', 'DE'],
    notes: [
      'Banking trojan turned loader; its botnet was dismantled in Operation Duck Hunt (August 2023), after which distribution resumed on a smaller scale.',
      'Delivered via hijacked email threads with HTML smuggling, OneNote and PDF lures.',
      'Historically an initial-access route for Black Basta and other ransomware.',
    ],
    refs: [MITRE_S('S0650')], pop: 'm', L: 2, I: 3, sfx: ['malware', 'loader', 'malspam', 'botnet'],
  },
  {
    k: 'icedid', n: 'IcedID', al: ['BokBot'], ty: ['IcedId', 'IceID', 'Icedid'], c: 'malware', ac: [], kind: 'loader',
    act: ['TA551'], mw: ['IcedID'], cve: [], t: ['T1566.001', 'T1204.002', 'T1105', 'T1055'], s: ['finance', 'manufacturing'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Banking trojan repurposed as a loader, delivered by malspam and malicious ads.',
      'Infrastructure was targeted in Operation Endgame in May 2024.',
      'A forked variant without the banking module appeared in 2023.',
    ],
    refs: [MITRE_S('S0483')], pop: 'm', L: 2, I: 3, sfx: ['malware', 'loader'],
  },
  {
    k: 'emotet', n: 'Emotet', al: ['Geodo', 'Heodo'], xal: ['TA542', 'Mummy Spider', 'Mealybug'], ty: ['Emotett', 'Emottet', 'EMOTET', 'Emotec'], c: 'malware', ac: ['phishing'], kind: 'loader',
    act: ['TA542', 'Mummy Spider'], mw: ['Emotet'], cve: [], t: ['T1566.001', 'T1204.002', 'T1059.005', 'T1114', 'T1105'],
    s: ['government', 'finance', 'manufacturing', 'smes'], r: ['GLOBAL', 'DE', 'EU', 'JP'],
    notes: [
      'Botnet taken down in January 2021 and revived in November 2021 with help from TrickBot.',
      'Spreads by replying to hijacked email threads with malicious attachments.',
      'Operated by the actor tracked as TA542 or Mummy Spider.',
    ],
    refs: [CISA('aa20-280a'), MITRE_S('S0367')], pop: 'm', L: 2, I: 3, sfx: ['malware', 'malspam', 'botnet', 'campaigns'],
  },
  {
    k: 'trickbot', n: 'TrickBot', al: ['Totbrick', 'TSPY_TRICKLOAD'], ty: ['Trickbot', 'Trick Bot', 'TrikBot'], c: 'malware', ac: [], kind: 'loader',
    act: ['Wizard Spider'], mw: ['TrickBot'], cve: [], t: ['T1566.001', 'T1055', 'T1555.003', 'T1021.002'], s: ['finance', 'healthcare'], r: ['GLOBAL', 'US'],
    notes: [
      'Modular banking trojan operated by Wizard Spider and used to deliver Ryuk and Conti.',
      'Several members were indicted and sanctioned by the US and UK in 2023.',
    ],
    refs: [MITRE_S('S0266')], defunct: true, pop: 'l', L: 1, I: 3, sfx: ['malware', 'trojan'],
  },
  {
    k: 'lumma', n: 'Lumma Stealer', short: 'Lumma', al: ['LummaC2', 'Lumma'], ty: ['Luma Stealer', 'LummaC', 'Lumma stealer', 'Lumma Steeler'], c: 'malware', ac: ['data-theft', 'crime-as-a-service'], kind: 'stealer',
    act: [], mw: ['LummaC2'], cve: [], t: ['T1555.003', 'T1539', 'T1204.002', 'T1059.001', 'T1027'], s: ['citizens', 'technology', 'finance'], r: ['GLOBAL', 'EU', 'US'],
    notes: [
      'Malware-as-a-service infostealer disrupted by Microsoft and law enforcement in May 2025, with about 2,300 domains seized.',
      'Distributed via fake CAPTCHA ("ClickFix") pages that instruct users to paste a PowerShell command.',
      'Steals browser credentials, session cookies and cryptocurrency wallets.',
    ],
    refs: [], pop: 'h', L: 5, I: 3, sfx: ['infostealer', 'infections', 'malware-as-a-service'],
  },
  {
    k: 'redline', n: 'RedLine Stealer', short: 'RedLine', al: ['RedLine'], ty: ['Redline', 'Red Line Stealer', 'RedLien'], c: 'malware', ac: ['data-theft'], kind: 'stealer',
    act: [], mw: ['RedLine'], cve: [], t: ['T1555.003', 'T1539', 'T1005', 'T1204.002'], s: ['citizens', 'technology'], r: ['GLOBAL'],
    notes: [
      'Commodity infostealer sold as malware-as-a-service; disrupted in Operation Magnus in October 2024.',
      'A suspected developer was charged in the United States.',
    ],
    refs: [], pop: 'm', L: 2, I: 2, sfx: ['infostealer', 'malware'],
  },
  {
    k: 'raccoon', n: 'Raccoon Stealer', short: 'Raccoon', al: ['Raccoon', 'RecordBreaker'], ty: ['Racoon Stealer', 'Raccon'], c: 'malware', ac: ['data-theft'], kind: 'stealer',
    act: [], mw: ['Raccoon Stealer'], cve: [], t: ['T1555.003', 'T1539', 'T1005'], s: ['citizens'], r: ['GLOBAL'],
    notes: [
      'Infostealer-as-a-service; version 2, also called RecordBreaker, appeared in 2022.',
      'A Ukrainian operator was arrested in 2022 and later sentenced in the United States.',
    ],
    refs: [], defunct: true, pop: 'l', L: 1, I: 2, sfx: ['infostealer'],
  },
  {
    k: 'agent-tesla', n: 'Agent Tesla', al: ['AgentTesla'], ty: ['Agent Tesle', 'Agent Telsa'], c: 'malware', ac: ['data-theft'], kind: 'stealer',
    act: [], mw: ['Agent Tesla'], cve: [], t: ['T1056.001', 'T1555', 'T1566.001', 'T1048.003'], s: ['manufacturing', 'logistics', 'smes'], r: ['GLOBAL', 'EU'],
    notes: [
      '.NET keylogger and remote-access trojan that exfiltrates credentials over SMTP, FTP or Telegram.',
      'Spread via malspam with archive and document attachments.',
    ],
    refs: [], pop: 'm', L: 3, I: 2, sfx: ['keylogger', 'RAT', 'malspam'],
  },
  {
    k: 'formbook', n: 'FormBook', al: ['XLoader', 'Formbook'], ty: ['Form Book', 'Fromboook'], c: 'malware', ac: ['data-theft'], kind: 'stealer',
    act: [], mw: ['FormBook', 'XLoader'], cve: [], t: ['T1566.001', 'T1056.001', 'T1055', 'T1555.003'], s: ['manufacturing', 'logistics'], r: ['GLOBAL'],
    notes: [
      'Infostealer sold as malware-as-a-service since 2016; its successor XLoader also targets macOS.',
      'Delivered in malspam campaigns with weaponised attachments.',
    ],
    refs: [], pop: 'l', L: 2, I: 2, sfx: ['infostealer', 'malspam'],
  },
  {
    k: 'socgholish', n: 'SocGholish', al: ['FakeUpdates'], xal: ['TA569', 'Mustard Tempest'], ty: ['SocGolish', 'Soc Gholish', 'SocGhoulish'], c: 'malware', ac: [], kind: 'loader',
    act: ['TA569', 'Mustard Tempest'], mw: ['SocGholish'], cve: [], t: ['T1189', 'T1204.002', 'T1059.007'], s: ['citizens', 'technology', 'smes'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'JavaScript framework that shows fake browser-update prompts on compromised websites.',
      'Infections are sold on as access for ransomware operations.',
    ],
    refs: [], pop: 'm', L: 3, I: 3, sfx: ['fake updates', 'drive-by downloads', 'malware'],
    titles: ['Fake browser update lures (SocGholish)', 'FakeUpdates drive-by campaigns'],
  },
  {
    k: 'gootloader', n: 'Gootloader', al: ['GootLoader'], xal: ['UNC2565'], ty: ['Gootlaoder', 'Goot Loader'], c: 'malware', ac: [], kind: 'loader',
    act: ['UNC2565'], mw: ['Gootloader'], cve: [], t: ['T1608.006', 'T1189', 'T1059.007', 'T1204.002'], s: ['legal', 'smes', 'finance'], r: ['GLOBAL', 'US', 'GB', 'AU'],
    notes: [
      'Uses SEO poisoning: compromised websites rank highly for searches for legal and business documents such as contract templates.',
      'Delivers JavaScript that leads to Cobalt Strike and, in some cases, ransomware.',
    ],
    refs: [], pop: 'l', L: 2, I: 3, sfx: ['SEO poisoning', 'loader'],
  },
  {
    k: 'smokeloader', n: 'SmokeLoader', al: ['Dofoil', 'Smoke Loader'], ty: ['Smokeloader', 'SmokeLoder'], c: 'malware', ac: [], kind: 'loader',
    act: [], mw: ['SmokeLoader'], cve: [], t: ['T1055', 'T1105', 'T1566.001', 'T1027'], s: ['smes', 'government'], r: ['GLOBAL', 'UA', 'EU'],
    notes: [
      'Long-running modular loader sold on criminal forums since 2011.',
      'Used by Phobos affiliates; targeted in Operation Endgame in May 2024.',
    ],
    refs: [], pop: 'l', L: 2, I: 2, sfx: ['loader', 'malware'],
  },
  {
    k: 'darkgate', n: 'DarkGate', al: ['DarkGate loader'], ty: ['Darkgate', 'Dark Gate'], c: 'malware', ac: ['crime-as-a-service'], kind: 'loader',
    act: [], mw: ['DarkGate'], cve: ['CVE-2024-21412'], t: ['T1566', 'T1204.002', 'T1219', 'T1553.005'], s: ['finance', 'manufacturing', 'smes'], r: ['GLOBAL', 'EU', 'US'],
    notes: [
      'Loader and remote-access malware sold as malware-as-a-service; it surged after the QakBot takedown in 2023.',
      'Delivered via Microsoft Teams chats, malspam and malvertising; abused the SmartScreen bypass CVE-2024-21412.',
    ],
    refs: [], pop: 'm', L: 2, I: 3, sfx: ['malware', 'loader', 'campaigns'],
  },
  {
    k: 'cobalt-strike', n: 'Cobalt Strike', al: ['cracked Cobalt Strike'], ty: ['CobaltStrike', 'Cobalt-Strike', 'Colbalt Strike'], c: 'malware', ac: ['crime-as-a-service'], kind: 'tool',
    act: [], mw: ['Cobalt Strike'], cve: [], t: ['T1071.001', 'T1055', 'T1105', 'T1021.002'], s: ['government', 'finance', 'technology'], r: ['GLOBAL'],
    notes: [
      'Cracked and leaked copies of the Cobalt Strike red-team framework are widely used by ransomware and espionage actors.',
      'Operation Morpheus (June 2024) took down hundreds of IP addresses hosting unlicensed copies.',
    ],
    refs: [MITRE_S('S0154')], pop: 'm', L: 4, I: 3, sfx: ['beacons', 'abuse', 'misuse'],
    titles: ['Criminal use of cracked Cobalt Strike', 'Abuse of pirated Cobalt Strike beacons'],
  },
  {
    k: 'anatsa', n: 'Anatsa', al: ['TeaBot'], ty: ['Anatza', 'Anasta'], c: 'malware', ac: ['online-fraud'], kind: 'banker',
    act: [], mw: ['Anatsa'], cve: [], t: ['T1417', 'T1517'], s: ['finance', 'citizens'], r: ['EU', 'GB', 'DE', 'US'],
    notes: [
      'Android banking trojan, also known as TeaBot, spread through dropper apps on Google Play.',
      'Performs on-device fraud via overlays and Accessibility Services.',
    ],
    refs: [], pop: 'm', L: 3, I: 3, sfx: ['banking trojan', 'Android banker', 'malware'],
  },
  {
    k: 'octo', n: 'Octo', al: ['Octo2', 'ExobotCompact'], ty: [], c: 'malware', ac: ['online-fraud', 'crime-as-a-service'], kind: 'banker',
    act: [], mw: ['Octo2'], cve: [], t: ['T1417', 'T1517', 'T1516'], s: ['finance', 'citizens'], r: ['EU', 'IT', 'ES', 'PT', 'DE'],
    notes: [
      'Android banking trojan evolved from ExobotCompact and sold as malware-as-a-service; Octo2 appeared in 2024.',
      'Enables remote control of infected phones for on-device fraud.',
    ],
    refs: [], pop: 'm', L: 3, I: 3, sfx: ['Android banking trojan', 'banking malware', 'mobile banking trojan'],
  },
  {
    k: 'grandoreiro', n: 'Grandoreiro', al: [], ty: ['Grandoriero', 'Grandoreio'], c: 'malware', ac: ['online-fraud'], kind: 'banker',
    act: [], mw: ['Grandoreiro'], cve: [], t: ['T1566.001', 'T1204.002', 'T1185'], s: ['finance', 'citizens'], r: ['BR', 'MX', 'ES', 'PT', 'AR'],
    notes: [
      'Latin American banking trojan that expanded to Spain and Portugal.',
      'Brazilian Federal Police, assisted by ESET, arrested operators in January 2024.',
    ],
    refs: [], pop: 'l', L: 2, I: 2, sfx: ['banking trojan'],
  },
  {
    k: 'mirai', n: 'Mirai', al: ['Mirai variants'], ty: ['MIRAI', 'Mirari'], c: 'ddos', ac: ['malware'], kind: 'botnet',
    act: [], mw: ['Mirai'], cve: ['CVE-2023-1389'], t: ['T1498', 'T1110.001', 'T1190'], s: ['telecommunications', 'technology'], r: ['GLOBAL'],
    notes: [
      'IoT botnet malware whose leaked source code underpins many variants used for DDoS.',
      'Infects routers, cameras and video recorders through default or weak credentials and known router flaws such as CVE-2023-1389.',
    ],
    refs: [], pop: 'm', L: 4, I: 2, sfx: ['botnet', 'IoT botnets', 'botnet DDoS'],
  },
  {
    k: 'pegasus', n: 'Pegasus', al: ['Pegasus spyware', 'NSO Pegasus'], ty: ['Pegassus', 'Pegasis'], c: 'espionage', ac: ['malware'], kind: 'spyware',
    act: ['NSO Group'], mw: ['Pegasus'], cve: ['CVE-2021-30860', 'CVE-2023-41064', 'CVE-2023-41061'], t: ['T1404', 'T1430', 'T1429', 'T1512'],
    s: ['media', 'ngos', 'government'], r: ['GLOBAL', 'EU'],
    notes: [
      'Commercial spyware from NSO Group delivered via zero-click iOS exploit chains such as FORCEDENTRY and BLASTPASS.',
      'Used against journalists, activists and government officials.',
    ],
    refs: [], pop: 'm', L: 2, I: 4, sfx: ['spyware', 'mercenary spyware'],
  },
  {
    k: 'predator', n: 'Predator', al: ['Predator spyware', 'Intellexa Predator'], ty: ['Predater'], c: 'espionage', ac: ['malware'], kind: 'spyware',
    act: ['Intellexa', 'Cytrox'], mw: ['Predator'], cve: ['CVE-2023-41991', 'CVE-2023-41992', 'CVE-2023-41993'], t: ['T1404', 'T1430', 'T1429', 'T1659'],
    s: ['media', 'government', 'ngos'], r: ['GLOBAL', 'EG', 'GR', 'EU'],
    notes: [
      'Mercenary spyware sold by the Intellexa alliance, including Cytrox.',
      'Delivered via one-click links and network injection; a 2023 iOS exploit chain (CVE-2023-41991/41992/41993) was used against targets in Egypt.',
      'The US sanctioned Intellexa-linked individuals and companies in 2024.',
    ],
    refs: [], pop: 'm', L: 2, I: 4, sfx: ['spyware'],
  },

  // ---- state actors --------------------------------------------------------------------------
  {
    k: 'apt28', n: 'APT28', al: ['Fancy Bear', 'Sofacy', 'Sednit', 'STRONTIUM', 'Forest Blizzard', 'Pawn Storm'], xal: ['BlueDelta', 'FROZENLAKE', 'Tsar Team'],
    ty: ['APT 28', 'APT-28', 'Fancy Baer', 'Forest Blizard'], c: 'espionage', ac: [], kind: 'apt',
    act: ['GRU Unit 26165'], mw: ['X-Agent', 'Zebrocy', 'GooseEgg', 'HeadLace'],
    cve: ['CVE-2023-23397', 'CVE-2023-38831', 'CVE-2022-38028', 'CVE-2017-6742', 'CVE-2020-35730'],
    t: ['T1566.001', 'T1110.003', 'T1190', 'T1114.002', 'T1071.001', 'T1078'],
    s: ['government', 'defence', 'logistics', 'technology'], r: ['EU', 'UA', 'US', 'DE', 'PL', 'NL'],
    notes: [
      'Russian military intelligence (GRU Unit 26165) actor conducting espionage against governments, armed forces and the defence industry.',
      'Exploited Microsoft Outlook CVE-2023-23397 to steal NTLM hashes.',
      'Used the GooseEgg tool to exploit the Windows Print Spooler flaw CVE-2022-38028.',
      'Targeted logistics and technology companies involved in aid to Ukraine.',
    ],
    refs: [MITRE_G('G0007')], pop: 'h', L: 4, I: 4,
  },
  {
    k: 'apt29', n: 'APT29', al: ['Cozy Bear', 'Midnight Blizzard', 'NOBELIUM', 'The Dukes', 'UNC2452'], xal: [],
    ty: ['APT 29', 'APT-29', 'Cozy Baer', 'Midnight Blizard', 'NOBELLIUM'], c: 'espionage', ac: ['supply-chain-compromise'], kind: 'apt',
    act: ['SVR'], mw: ['SUNBURST', 'WellMess', 'WINELOADER', 'EnvyScout'],
    cve: ['CVE-2023-42793', 'CVE-2018-13379', 'CVE-2019-19781', 'CVE-2019-11510', 'CVE-2020-4006'],
    t: ['T1195.002', 'T1110.003', 'T1078.004', 'T1566.002', 'T1098', 'T1027.006'],
    s: ['government', 'diplomacy', 'technology', 'think tanks'], r: ['EU', 'US', 'GLOBAL', 'DE', 'NL'],
    notes: [
      'Russian foreign intelligence (SVR) espionage actor behind the SolarWinds supply-chain compromise.',
      'Breached Microsoft corporate email accounts through password spraying in late 2023.',
      'Exploited JetBrains TeamCity CVE-2023-42793 at scale.',
      'Sends diplomatic-themed phishing that delivers the WINELOADER backdoor.',
    ],
    refs: [MITRE_G('G0016'), CISA('aa23-347a')], pop: 'h', L: 4, I: 4,
  },
  {
    k: 'sandworm', n: 'Sandworm', al: ['Voodoo Bear', 'Seashell Blizzard', 'APT44', 'IRIDIUM', 'Sandworm Team'], xal: ['TeleBots'],
    ty: ['Sand Worm', 'Sandwrom'], c: 'espionage', ac: ['other', 'hacktivism'], kind: 'apt',
    act: ['GRU Unit 74455'], mw: ['NotPetya', 'Industroyer2', 'CaddyWiper', 'Cyclops Blink'], cve: ['CVE-2014-4114', 'CVE-2019-10149', 'CVE-2023-38831'],
    t: ['T1485', 'T1561.002', 'T1484.001', 'T1190', 'T1133'], s: ['energy', 'government', 'telecommunications', 'critical infrastructure'], r: ['UA', 'EU', 'GLOBAL'],
    notes: [
      'Russian GRU Unit 74455 actor responsible for NotPetya and attacks on Ukraine\'s power grid.',
      'Deploys wipers such as CaddyWiper and the Industroyer2 ICS malware against Ukrainian targets.',
      'Mandiant tracks it as APT44.',
    ],
    refs: [MITRE_G('G0034')], pop: 'h', L: 3, I: 5, sfx: ['sabotage', 'destructive attacks', 'operations', 'activity'],
  },
  {
    k: 'turla', n: 'Turla', al: ['Snake', 'Venomous Bear', 'Secret Blizzard', 'Uroburos', 'Waterbug'], xal: ['KRYPTON'],
    ty: ['Turlla', 'TURLA'], c: 'espionage', ac: [], kind: 'apt',
    act: ['FSB Center 16'], mw: ['Snake', 'Kazuar', 'ComRAT', 'Carbon'], cve: [],
    t: ['T1071.001', 'T1090', 'T1027', 'T1105', 'T1573'], s: ['government', 'diplomacy', 'defence'], r: ['EU', 'GLOBAL', 'UA'],
    notes: [
      'Russian FSB espionage actor; the FBI neutralised its Snake malware network in May 2023 in Operation MEDUSA.',
      'Has hijacked the infrastructure of other actors, including Pakistan-based Storm-0156, for its own operations.',
      'Long-running use of the Kazuar and ComRAT backdoors.',
    ],
    refs: [MITRE_G('G0010')], pop: 'm', L: 3, I: 4,
  },
  {
    k: 'gamaredon', n: 'Gamaredon', al: ['Primitive Bear', 'Aqua Blizzard', 'Shuckworm', 'Armageddon', 'ACTINIUM'], xal: [],
    ty: ['Gamardon', 'Gamaredon Group'], c: 'espionage', ac: [], kind: 'apt',
    act: ['FSB'], mw: ['Pteranodon', 'LitterDrifter'], cve: [], t: ['T1566.001', 'T1221', 'T1091', 'T1204.002'],
    s: ['government', 'defence'], r: ['UA', 'EU'],
    notes: [
      'FSB-linked actor conducting high-volume spear-phishing against Ukrainian government and military organisations.',
      'Spreads via USB drives with the LitterDrifter worm and uses remote template injection.',
    ],
    refs: [MITRE_G('G0047')], pop: 'm', L: 3, I: 3,
  },
  {
    k: 'star-blizzard', n: 'Star Blizzard', al: ['ColdRiver', 'Callisto', 'SEABORGIUM', 'TA446'], xal: [],
    ty: ['Star Blizard', 'Starblizzard', 'Cold River'], c: 'espionage', ac: ['phishing'], kind: 'apt',
    act: ['FSB Centre 18'], mw: [], cve: [], t: ['T1566.002', 'T1598.003', 'T1589.002', 'T1585.002', 'T1114.003'],
    s: ['government', 'think tanks', 'education', 'ngos', 'defence'], r: ['GB', 'US', 'EU'],
    notes: [
      'Russian FSB-linked actor running credential phishing against politicians, academics, NGOs and think tanks, mostly in the UK and US.',
      'Builds rapport by impersonating known contacts before sending malicious links; the UK NCSC published an advisory in December 2023.',
    ],
    refs: [], pop: 'm', L: 3, I: 3, sfx: ['spear-phishing', 'credential phishing', 'activity'],
  },
  {
    k: 'lazarus', n: 'Lazarus', al: ['Lazarus Group', 'Hidden Cobra', 'Diamond Sleet', 'ZINC', 'Labyrinth Chollima'], xal: [],
    ty: ['Lazarous', 'Lazaros', 'Lazurus'], c: 'espionage', ac: ['cryptocurrency-crime'], kind: 'apt',
    act: ['Reconnaissance General Bureau'], mw: ['AppleJeus', 'Manuscrypt', 'FALLCHILL'], cve: ['CVE-2021-44228', 'CVE-2023-42793'],
    t: ['T1566.003', 'T1195.002', 'T1204.002', 'T1657', 'T1105'], s: ['cryptocurrency', 'defence', 'finance'], r: ['GLOBAL', 'KR', 'US', 'EU'],
    notes: [
      'North Korean state-sponsored group conducting cryptocurrency theft and espionage.',
      'Runs "Operation Dream Job" fake-recruitment lures on LinkedIn against defence and aerospace staff.',
      'The FBI attributed the February 2025 theft of about USD 1.5 billion from the Bybit exchange to North Korea\'s TraderTraitor activity, part of the Lazarus cluster.',
    ],
    refs: [MITRE_G('G0032')], pop: 'm', L: 3, I: 4,
  },
  {
    k: 'kimsuky', n: 'Kimsuky', al: ['Velvet Chollima', 'Emerald Sleet', 'THALLIUM', 'Black Banshee'], xal: [],
    ty: ['Kimsuki', 'Kim Suky'], c: 'espionage', ac: ['phishing'], kind: 'apt',
    act: [], mw: ['BabyShark', 'AppleSeed'], cve: [], t: ['T1566.001', 'T1598.003', 'T1204.002', 'T1585.002'],
    s: ['think tanks', 'education', 'government'], r: ['KR', 'US', 'JP', 'EU'],
    notes: [
      'North Korean espionage actor targeting think tanks, academics and officials working on Korean peninsula policy.',
      'Impersonates journalists and researchers in spear-phishing emails.',
    ],
    refs: [MITRE_G('G0094')], pop: 'm', L: 3, I: 2,
  },
  {
    k: 'dprk-it-workers', n: 'North Korean IT workers', short: 'DPRK IT workers', al: ['DPRK IT workers', 'Famous Chollima', 'Jasper Sleet', 'UNC5267'], xal: [],
    ty: ['North Korean IT-workers', 'DPRK IT worker'], c: 'insider-threat', ac: ['data-theft', 'other'], kind: 'crew',
    act: ['Famous Chollima', 'Jasper Sleet'], mw: [], cve: [], t: ['T1585.001', 'T1078', 'T1219'], s: ['technology', 'cryptocurrency', 'finance'], r: ['US', 'EU', 'GB', 'GLOBAL'],
    notes: [
      'North Korean nationals obtain remote IT jobs under false identities, generating revenue for the regime and in some cases stealing data or extorting employers.',
      'Facilitators run "laptop farms" in the US and Europe to hide the workers\' location.',
    ],
    refs: [], pop: 'm', L: 3, I: 3, sfx: ['schemes', 'infiltration', 'fraudulent remote hiring'],
    titles: ['Fraudulent remote hiring of North Korean IT workers', 'DPRK remote IT worker infiltration (Famous Chollima)'],
  },
  {
    k: 'volt-typhoon', n: 'Volt Typhoon', al: ['Vanguard Panda', 'BRONZE SILHOUETTE', 'Voltzite', 'Insidious Taurus', 'DEV-0391'], xal: [],
    ty: ['Volt Typhon', 'VoltTyphoon'], c: 'espionage', ac: ['other'], kind: 'apt',
    act: [], mw: ['KV-botnet'], cve: ['CVE-2021-40539', 'CVE-2024-39717'], t: ['T1190', 'T1003.003', 'T1047', 'T1059.001', 'T1090.003'],
    s: ['critical infrastructure', 'energy', 'telecommunications', 'water', 'transport'], r: ['US', 'GLOBAL'],
    notes: [
      'PRC state-sponsored actor pre-positioning in US critical infrastructure networks (communications, energy, water, transport).',
      'Relies on living-off-the-land techniques and on a botnet of end-of-life SOHO routers (KV-botnet) that the FBI disrupted in January 2024.',
    ],
    refs: [CISA('aa24-038a'), MITRE_G('G1017')], pop: 'm', L: 3, I: 5, sfx: ['pre-positioning', 'activity', 'intrusions'],
  },
  {
    k: 'salt-typhoon', n: 'Salt Typhoon', al: ['GhostEmperor', 'Earth Estries'], xal: [], ty: ['Salt Typhon', 'SaltTyphoon'], c: 'espionage', ac: [], kind: 'apt',
    act: [], mw: ['Demodex'], cve: ['CVE-2023-20198', 'CVE-2023-20273', 'CVE-2018-0171'], t: ['T1190', 'T1040', 'T1133', 'T1071'],
    s: ['telecommunications', 'government'], r: ['US', 'GLOBAL', 'EU'],
    notes: [
      'PRC state-sponsored actor that compromised major US telecommunications providers in 2024, including lawful-intercept systems.',
      'Exploits Cisco IOS XE and other network-edge devices.',
    ],
    refs: [], pop: 'h', L: 3, I: 4, sfx: ['telecom intrusions', 'activity', 'espionage'],
  },
  {
    k: 'apt41', n: 'APT41', al: ['Double Dragon', 'Wicked Panda', 'BARIUM', 'Brass Typhoon'], xal: [], ty: ['APT 41', 'APT-41'], c: 'espionage', ac: ['data-theft'], kind: 'apt',
    act: [], mw: ['ShadowPad', 'KEYPLUG'], cve: ['CVE-2019-19781', 'CVE-2020-10189', 'CVE-2021-44207', 'CVE-2021-44228'],
    t: ['T1190', 'T1195.002', 'T1505.003', 'T1574'], s: ['government', 'healthcare', 'technology', 'telecommunications'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Chinese actor conducting both state espionage and financially motivated intrusions.',
      'Compromised US state government networks through the USAHerds flaw CVE-2021-44207 in 2021 and 2022.',
      'Uses the ShadowPad and KEYPLUG backdoors.',
    ],
    refs: [MITRE_G('G0096')], pop: 'm', L: 3, I: 4,
  },
  {
    k: 'mustang-panda', n: 'Mustang Panda', al: ['TA416', 'RedDelta', 'BRONZE PRESIDENT', 'Earth Preta'], xal: [], ty: ['Mustang Pand', 'MustangPanda'], c: 'espionage', ac: [], kind: 'apt',
    act: [], mw: ['PlugX', 'TONESHELL'], cve: [], t: ['T1566.001', 'T1574', 'T1091', 'T1204.002'], s: ['government', 'diplomacy', 'ngos'], r: ['EU', 'VN', 'MM', 'MN', 'GLOBAL'],
    notes: [
      'China-based espionage actor delivering PlugX through DLL side-loading.',
      'Targets European government and diplomatic bodies with EU-themed lures.',
      'In January 2025 the FBI and French authorities removed PlugX from thousands of infected computers.',
    ],
    refs: [MITRE_G('G0129')], pop: 'm', L: 3, I: 3,
  },
  {
    k: 'charming-kitten', n: 'Charming Kitten', al: ['APT35', 'Phosphorus', 'Mint Sandstorm', 'TA453'], xal: ['Newscaster'], ty: ['Charming Kiten', 'CharmingKitten'],
    c: 'espionage', ac: ['phishing'], kind: 'apt',
    act: ['IRGC'], mw: ['POWERSTAR', 'BellaCiao'], cve: ['CVE-2022-47966', 'CVE-2022-47986', 'CVE-2021-44228'], t: ['T1566.002', 'T1598.003', 'T1585.001', 'T1190'],
    s: ['think tanks', 'media', 'education', 'government'], r: ['US', 'GB', 'IL', 'EU'],
    notes: [
      'Iranian IRGC-linked actor conducting credential phishing against journalists, academics and policy experts.',
      'Uses fake conference and interview invitations to build rapport before phishing.',
    ],
    refs: [], pop: 'm', L: 3, I: 3,
  },
  {
    k: 'muddywater', n: 'MuddyWater', al: ['Mango Sandstorm', 'MERCURY', 'Seedworm', 'Static Kitten', 'TEMP.Zagros'], xal: [],
    ty: ['Muddy Water', 'MuddyWatter'], c: 'espionage', ac: [], kind: 'apt',
    act: ['MOIS'], mw: ['POWERSTATS', 'PhonyC2'], cve: ['CVE-2021-44228', 'CVE-2020-0688'], t: ['T1566.001', 'T1219', 'T1059.001', 'T1190'],
    s: ['government', 'telecommunications', 'energy'], r: ['GLOBAL', 'IL', 'TR', 'EU'],
    notes: [
      'Iranian MOIS-linked espionage actor targeting the Middle East, Europe and North America.',
      'Abuses legitimate remote-management tools such as Atera and ScreenConnect.',
    ],
    refs: [MITRE_G('G0069')], pop: 'm', L: 3, I: 3,
  },
  {
    k: 'cyberav3ngers', n: 'CyberAv3ngers', al: ['Cyber Av3ngers'], xal: [], ty: ['CyberAvengers', 'CyberAv3nger'], c: 'hacktivism', ac: ['vulnerability-exploitation', 'other'], kind: 'hacktivist',
    act: ['IRGC Cyber-Electronic Command'], mw: [], cve: ['CVE-2023-6448'], t: ['T1078.001', 'T1491'],
    s: ['water', 'critical infrastructure'], r: ['US', 'IL', 'IE'],
    notes: [
      'IRGC-affiliated persona that defaced Israeli-made Unitronics PLCs at US water utilities in November 2023.',
      'Exploited default passwords on internet-exposed PLCs (CVE-2023-6448).',
    ],
    refs: [CISA('aa23-335a')], pop: 'l', L: 2, I: 3, sfx: ['PLC attacks', 'attacks on water utilities', 'activity'],
  },
  {
    k: 'noname057', n: 'NoName057(16)', al: ['NoName057'], xal: [], ty: ['NoName05716', 'NoName 057(16)', 'Noname057(16)'], c: 'ddos', ac: ['hacktivism'], kind: 'hacktivist',
    act: [], mw: ['DDoSia'], cve: [], t: ['T1498', 'T1499', 'T1499.002'], s: ['government', 'transport', 'finance'], r: ['EU', 'DE', 'NL', 'PL', 'IT', 'CZ', 'LT'],
    notes: [
      'Pro-Russian hacktivist group that runs DDoS attacks against European governments with its volunteer-based DDoSia tool.',
      'Its infrastructure was disrupted in Europol\'s Operation Eastwood in July 2025.',
    ],
    refs: [], pop: 'h', L: 5, I: 2, sfx: ['DDoS attacks', 'DDoS campaigns', 'hacktivist DDoS'],
  },
  {
    k: 'killnet', n: 'Killnet', al: ['KillNet'], xal: [], ty: ['Kilnet', 'Killnett'], c: 'ddos', ac: ['hacktivism'], kind: 'hacktivist',
    act: [], mw: [], cve: [], t: ['T1498', 'T1499'], s: ['government', 'healthcare', 'transport'], r: ['EU', 'US', 'IT', 'LT', 'DE'],
    notes: [
      'Pro-Russian hacktivist collective that ran DDoS attacks on European and US government and hospital websites in 2022 and 2023.',
      'Mostly short-lived, low-impact attacks with strong media amplification.',
    ],
    refs: [], defunct: true, pop: 'l', L: 2, I: 2, sfx: ['DDoS attacks', 'hacktivists'],
  },
  {
    k: 'anonymous-sudan', n: 'Anonymous Sudan', al: ['Storm-1359'], xal: [], ty: ['Anonymus Sudan', 'Anonymous Soudan'], c: 'ddos', ac: ['hacktivism'], kind: 'hacktivist',
    act: [], mw: [], cve: [], t: ['T1498', 'T1499.002', 'T1499.003'], s: ['technology', 'government', 'healthcare'], r: ['GLOBAL', 'US', 'IL', 'SE'],
    notes: [
      'Hacktivist-branded group that ran large Layer 7 DDoS attacks, including against Microsoft services in 2023.',
      'Two Sudanese nationals were charged in the United States in October 2024.',
    ],
    refs: [], defunct: true, pop: 'l', L: 1, I: 2, sfx: ['DDoS attacks', 'Layer 7 DDoS'],
  },

  // ---- criminal crews, platforms and markets -------------------------------------------------
  {
    k: 'scattered-spider', n: 'Scattered Spider', al: ['Octo Tempest', 'UNC3944', '0ktapus', 'Muddled Libra', 'Scatter Swine'], xal: [],
    ty: ['Scatterd Spider', 'Scattered Spyder', 'Scatered Spider'], c: 'data-theft', ac: ['ransomware', 'online-fraud'], kind: 'crew',
    act: ['Octo Tempest'], mw: ['BlackCat', 'DragonForce'], cve: ['CVE-2015-2291', 'CVE-2024-37085'],
    t: ['T1566.004', 'T1621', 'T1656', 'T1078', 'T1219', 'T1451', 'T1136'], s: ['retail', 'hospitality', 'telecommunications', 'insurance', 'technology'], r: ['US', 'GB', 'EU'],
    notes: [
      'English-speaking, loosely organised group using help-desk social engineering, SIM swapping and MFA fatigue.',
      'Breached MGM Resorts and Caesars in 2023 and UK retailers in 2025.',
      'Has deployed ALPHV/BlackCat and DragonForce ransomware after gaining access.',
    ],
    refs: [CISA('aa23-320a'), MITRE_G('G1015')], pop: 'h', L: 4, I: 5, sfx: ['social engineering', 'intrusions', 'help-desk attacks', 'activity'],
  },
  {
    k: 'fin7', n: 'FIN7', al: ['Carbon Spider', 'Sangria Tempest', 'ELBRUS', 'GOLD NIAGARA'], xal: [], ty: ['FIN 7', 'Fin7', 'FIN-7'], c: 'data-theft', ac: ['ransomware', 'payment-fraud'], kind: 'crew',
    act: [], mw: ['Carbanak', 'GRIFFON', 'POWERTRASH', 'Lizar'], cve: [], t: ['T1566.001', 'T1204.002', 'T1059.001', 'T1200'],
    s: ['hospitality', 'retail', 'finance'], r: ['US', 'EU', 'GLOBAL'],
    notes: [
      'Financially motivated group originally focused on payment-card theft in hospitality and retail.',
      'Later operated ransomware affiliate programmes and mailed malicious USB devices to companies.',
    ],
    refs: [MITRE_G('G0046')], pop: 'l', L: 2, I: 3, sfx: ['intrusions', 'activity', 'campaigns'],
  },
  {
    k: 'magecart', n: 'Magecart', al: ['Magecart web skimming'], xal: [], ty: ['MageCart', 'Mage Cart', 'Magecard'], c: 'payment-fraud', ac: ['data-theft'], kind: 'skimming',
    act: [], mw: [], cve: ['CVE-2024-34102', 'CVE-2022-24086'], t: ['T1059.007', 'T1056.003', 'T1190'], s: ['retail', 'smes'], r: ['GLOBAL', 'EU', 'US'],
    notes: [
      'Umbrella name for groups injecting JavaScript skimmers into e-commerce checkout pages.',
      'Exploits Magento and Adobe Commerce flaws such as CosmicSting (CVE-2024-34102).',
    ],
    refs: [], pop: 'm', L: 3, I: 3, sfx: ['skimming', 'web skimming', 'e-skimming attacks'],
    titles: ['Magecart-style checkout skimming on webshops', 'E-skimming of online shops (Magecart)'],
  },
  {
    k: '16shop', n: '16shop', al: ['16Shop'], xal: [], ty: ['16-shop', '16 Shop'], c: 'crime-as-a-service', ac: ['phishing'], kind: 'phaas',
    act: [], mw: ['16shop'], cve: [], t: ['T1566.002', 'T1056.003', 'T1583.001'], s: ['retail', 'technology', 'finance', 'citizens'], r: ['GLOBAL', 'US', 'JP'],
    notes: [
      'Phishing-as-a-service kit targeting Apple, PayPal, American Express and Amazon customers.',
      'Its Indonesian administrator was arrested in 2023 in an Interpol-coordinated operation.',
    ],
    refs: [], defunct: true, pop: 'l', L: 1, I: 2, sfx: ['phishing kit', 'phishing-as-a-service'],
  },
  {
    k: 'labhost', n: 'LabHost', al: ['Labhost'], xal: [], ty: ['Lab Host', 'LabHosts'], c: 'crime-as-a-service', ac: ['phishing'], kind: 'phaas',
    act: [], mw: ['LabRat'], cve: [], t: ['T1566.002', 'T1056.003', 'T1111', 'T1583.001'], s: ['finance', 'citizens', 'logistics'], r: ['CA', 'GB', 'US', 'IE'],
    notes: [
      'Phishing-as-a-service platform selling bank and postal-service kits with the LabRat real-time MFA interception tool.',
      'Taken down in April 2024 by the Metropolitan Police and international partners; thousands of users were identified.',
    ],
    refs: [], defunct: true, pop: 'l', L: 1, I: 3, sfx: ['phishing platform', 'PhaaS', 'phishing-as-a-service'],
  },
  {
    k: 'tycoon2fa', n: 'Tycoon 2FA', al: ['Tycoon2FA'], xal: [], ty: ['Tycon 2FA', 'Tycoon 2 FA', 'Tycoon2 FA'], c: 'crime-as-a-service', ac: ['phishing'], kind: 'phaas',
    act: [], mw: [], cve: [], t: ['T1557', 'T1566.002', 'T1539', 'T1111'], s: ['technology', 'finance', 'government', 'education'], r: ['GLOBAL', 'EU', 'US'],
    notes: [
      'Adversary-in-the-middle phishing kit that bypasses MFA on Microsoft 365 and Gmail accounts.',
      'Sold via Telegram since 2023 and regularly updated to evade detection.',
    ],
    refs: [], pop: 'm', L: 4, I: 3, sfx: ['AiTM phishing kit', 'phishing-as-a-service', 'PhaaS'],
  },
  {
    k: 'evilproxy', n: 'EvilProxy', al: ['Evil Proxy'], xal: [], ty: ['EvilProxi', 'EvilPoxy'], c: 'crime-as-a-service', ac: ['phishing'], kind: 'phaas',
    act: [], mw: [], cve: [], t: ['T1557', 'T1566.002', 'T1539'], s: ['technology', 'finance'], r: ['GLOBAL', 'US'],
    notes: [
      'Reverse-proxy phishing-as-a-service that steals session cookies to bypass MFA.',
      'Used against executives\' Microsoft 365 accounts in 2023 campaigns.',
    ],
    refs: [], pop: 'm', L: 3, I: 3, sfx: ['AiTM phishing', 'phishing-as-a-service', 'reverse-proxy phishing'],
  },
  {
    k: 'darcula', n: 'Darcula', al: ['darcula'], xal: [], ty: ['Dracula', 'Darkula'], c: 'crime-as-a-service', ac: ['phishing', 'online-fraud'], kind: 'phaas',
    act: [], mw: [], cve: [], t: ['T1566.002', 'T1583.001', 'T1056.003'], s: ['logistics', 'citizens', 'finance'], r: ['GLOBAL', 'GB', 'US', 'EU'],
    notes: [
      'Chinese-language phishing-as-a-service platform that sends postal and toll-themed lures via iMessage and RCS instead of SMS.',
      'Offers templates impersonating hundreds of brands in more than 100 countries.',
    ],
    refs: [], pop: 'm', L: 4, I: 2, sfx: ['smishing platform', 'phishing-as-a-service', 'PhaaS'],
  },
  {
    k: 'genesis-market', n: 'Genesis Market', al: ['Genesis'], xal: [], ty: ['Genisis Market', 'Genesis Markt'], c: 'dark-web-market', ac: ['data-theft'], kind: 'market',
    act: [], mw: [], cve: [], t: ['T1539', 'T1550.004'], s: ['citizens', 'finance', 'retail'], r: ['GLOBAL', 'EU', 'US'],
    notes: [
      'Invite-only market selling bot "fingerprints" and session cookies from infostealer-infected devices.',
      'Its clear-web domains were seized in April 2023 in Operation Cookie Monster.',
    ],
    refs: [], defunct: true, pop: 'l', L: 1, I: 3, sfx: ['marketplace', 'market', 'bot market'],
  },
];

// ---------------------------------------------------------------------------------------------
// Knowledge table: threats without a named actor (schemes, waves, fraud types)
//
// titles: paraphrased titles, as different analysts write them; sums: paraphrased summaries.

const UNNAMED = [
  {
    k: 'ceo-fraud', c: 'business-email-compromise', ac: ['payment-fraud', 'online-fraud'], fam: 'fraud',
    titles: ['CEO fraud targeting SMEs', 'Business email compromise against small businesses', 'Fake CEO payment requests to finance staff',
      'Executive impersonation fraud', 'CEO fraud, including deepfake voice calls', 'BEC: impersonation of company directors', 'Whaling and CEO fraud against finance departments'],
    sums: [
      'Criminals impersonate a director or CEO by email or messaging app and pressure finance staff into urgent, confidential transfers. Smaller companies without dual approval are hit hardest.',
      'Fake requests from senior executives for urgent payments, sometimes backed by AI-cloned voice messages, target accounts-payable staff.',
      'Business email compromise in which the attacker poses as senior management and orders transfers to accounts under criminal control, often just before a weekend or holiday.',
      'Spoofed or look-alike domains are used to send payment instructions that appear to come from the managing director.',
    ],
    t: ['T1656', 'T1585.002', 'T1583.001', 'T1566'], s: ['smes', 'manufacturing', 'logistics', 'government'], r: ['EU', 'NL', 'DE', 'BE', 'GB', 'FR'], pop: 'h', L: 4, I: 3,
  },
  {
    k: 'invoice-fraud', c: 'payment-fraud', ac: ['business-email-compromise'], fam: 'fraud',
    titles: ['Invoice fraud and payment diversion', 'Supplier bank-detail change fraud', 'Fake invoices with altered IBANs', 'Payment redirection fraud against accounts payable',
      'Mandate fraud', 'Invoice manipulation after supplier mailbox compromise'],
    sums: [
      'Fraudsters pose as a known supplier and announce new bank details, so that genuine invoices are paid into mule accounts.',
      'After compromising a supplier mailbox, criminals alter PDF invoices or send letters announcing a change of account.',
      'Payment diversion: legitimate invoices are intercepted and the beneficiary account replaced. Losses per case are often high.',
    ],
    t: ['T1114.002', 'T1114.003', 'T1656'], s: ['smes', 'manufacturing', 'government', 'healthcare'], r: ['EU', 'NL', 'DE', 'GB', 'BE'], pop: 'm', L: 4, I: 3,
  },
  {
    k: 'sim-swapping', c: 'online-fraud', ac: ['cryptocurrency-crime'], fam: 'fraud',
    titles: ['SIM swapping fraud', 'SIM swap attacks on bank and crypto customers', 'Mobile number hijacking (SIM swap)', 'Port-out and SIM swap fraud',
      'Fraudulent SIM replacement to intercept one-time passcodes'],
    sums: [
      'Criminals talk or bribe mobile-operator staff into moving a victim\'s number to a new SIM, then intercept one-time passcodes to empty bank or crypto accounts.',
      'Number takeover through social engineering of telecom shops and customer service, used to defeat SMS-based authentication.',
      'Victims lose mobile service without warning; within hours their bank and exchange accounts are taken over.',
    ],
    t: ['T1451', 'T1111', 'T1656'], s: ['telecommunications', 'finance', 'citizens', 'cryptocurrency'], r: ['EU', 'GB', 'US', 'ES', 'NL'], pop: 'm', L: 3, I: 3,
  },
  {
    k: 'bank-helpdesk-fraud', c: 'online-fraud', ac: ['phishing', 'payment-fraud'], fam: 'fraud',
    titles: ['Smishing and bank-helpdesk fraud', 'Fake bank employee "safe account" scams', 'Spoofed bank helpdesk calls', 'Bank impersonation vishing',
      'SMS phishing followed by fake bank security calls', 'Bank helpdesk fraud (spoofing)'],
    sums: [
      'Victims get an SMS about a suspicious transaction, then a call from a spoofed bank number; the "helpdesk employee" talks them into moving money to a "safe account" or installing remote-access software.',
      'Telephone fraud in which callers spoof the bank\'s number and pose as its fraud department to obtain approval codes.',
      'Combination of smishing and vishing: a text message leads to a call-back from a fake bank security team that takes over online banking.',
    ],
    t: ['T1566.004', 'T1656', 'T1219'], s: ['finance', 'citizens'], r: ['NL', 'BE', 'DE', 'EU', 'GB'], pop: 'h', L: 5, I: 3,
  },
  {
    k: 'parcel-smishing', c: 'phishing', ac: ['online-fraud'], fam: 'fraud',
    titles: ['Parcel delivery smishing', 'Royal Mail-themed phishing texts', 'Fake postal "missed delivery" SMS', 'Delivery-fee phishing impersonating postal services',
      'Postal and courier impersonation SMS', 'Fake customs fee messages'],
    sums: [
      'Text messages claiming a parcel could not be delivered lead to fake postal websites that harvest card details for a small redelivery fee.',
      'Phishing texts impersonating Royal Mail, DHL and national postal operators ask for customs or delivery fees.',
      'High-volume SMS waves with courier branding; the landing pages collect card data that is then used for card-not-present fraud.',
    ],
    t: ['T1566.002', 'T1583.001'], s: ['citizens', 'logistics'], r: ['GB', 'NL', 'DE', 'EU', 'IE'], pop: 'h', L: 5, I: 2,
  },
  {
    k: 'sextortion-email', c: 'online-fraud', ac: ['cryptocurrency-crime'], fam: 'fraud',
    titles: ['Sextortion email spam', 'Bitcoin sextortion scam emails', 'Fake "webcam hacked" extortion mails', 'Mass sextortion emails quoting leaked passwords'],
    sums: [
      'Mass-mailed messages claim the sender has hacked the recipient\'s webcam and demand bitcoin, often quoting an old leaked password to seem credible.',
      'Bulk extortion emails without any real compromise; a share of recipients still pay out of fear.',
    ],
    t: [], s: ['citizens'], r: ['EU', 'GLOBAL', 'NL', 'DE'], pop: 'm', L: 4, I: 1,
  },
  {
    k: 'sextortion-minors', c: 'child-sexual-exploitation', ac: ['online-fraud'], fam: 'cse',
    titles: ['Financial sextortion of minors', 'Sextortion of teenagers on social media', 'Online sexual extortion of young people', 'Financially motivated sextortion targeting boys'],
    sums: [
      'Offenders pose as peers on social media and gaming platforms, obtain intimate images from minors and then demand payment. Reports involving teenage boys have risen sharply.',
      'Organised groups extort children and teenagers for money after obtaining images; several cases ended in self-harm.',
      'Cross-border sextortion networks target young people through social media and messaging apps.',
    ],
    t: [], s: ['citizens', 'minors'], r: ['EU', 'GB', 'US', 'NL', 'SE'], pop: 'm', L: 4, I: 5,
  },
  {
    k: 'ai-csam', c: 'child-sexual-exploitation', ac: [], fam: 'cse',
    titles: ['AI-generated child sexual abuse material', 'Synthetic CSAM produced with generative AI', 'Generative-AI abuse imagery of children'],
    sums: [
      'Offenders use generative AI models to produce and share abuse material, complicating victim identification and increasing volumes handled by hotlines.',
      'Growth in synthetic abuse material created with openly available image models, including images derived from real victims.',
    ],
    t: [], s: ['citizens', 'minors'], r: ['EU', 'GB', 'GLOBAL'], pop: 'l', L: 3, I: 5,
  },
  {
    k: 'money-mules', c: 'online-fraud', ac: ['payment-fraud'], fam: 'fraud',
    titles: ['Money mule recruitment', 'Recruitment of young people as money mules via social media', 'Fake job offers recruiting money mules', 'Money mule networks',
      'Bank account renting by students'],
    sums: [
      'Criminals recruit teenagers and students on Instagram, Snapchat and Telegram to "rent out" their bank accounts or forward funds for a fee.',
      'Fake remote jobs as "payment processing agent" turn applicants into money mules who launder fraud proceeds.',
      'Mule networks are essential to cash out most online fraud; recruiters increasingly target minors.',
    ],
    t: [], s: ['finance', 'citizens', 'education'], r: ['EU', 'NL', 'BE', 'GB', 'ES'], pop: 'm', L: 4, I: 2,
  },
  {
    k: 'fake-webshops', c: 'online-fraud', ac: [], fam: 'fraud',
    titles: ['Fake webshops', 'Fraudulent online shops', 'Non-delivery fraud via fake web stores', 'Counterfeit webshops advertised on social media', 'Fake discount webshops'],
    sums: [
      'Professionally built shops advertise heavily discounted brand products on social media and never deliver, or harvest card data at checkout.',
      'Networks of thousands of short-lived fake shops, generated from templates and rotated across domains.',
      'Non-delivery fraud peaks around Black Friday and the holiday season.',
    ],
    t: ['T1583.001'], s: ['retail', 'citizens'], r: ['EU', 'NL', 'DE', 'FR', 'ES'], pop: 'm', L: 4, I: 2,
  },
  {
    k: 'holiday-rental-fraud', c: 'online-fraud', ac: [], fam: 'fraud',
    titles: ['Holiday rental fraud', 'Fake holiday home listings', 'Booking fraud with fake accommodation ads', 'Fraudulent vacation rental advertisements'],
    sums: [
      'Scammers copy genuine listings or take over host accounts on booking platforms and ask for payment outside the platform.',
      'Fake accommodation adverts on social media and classified sites collect deposits for properties that do not exist.',
    ],
    t: [], s: ['hospitality', 'citizens'], r: ['EU', 'ES', 'IT', 'FR', 'NL'], pop: 'l', L: 3, I: 2,
  },
  {
    k: 'marketplace-fraud', c: 'online-fraud', ac: ['phishing'], fam: 'fraud',
    titles: ['Second-hand marketplace payment-link fraud', 'Fake buyer scams on classified ad sites', '"Safe payment" link phishing on marketplaces', 'Classifieds fraud with fake courier payment pages'],
    sums: [
      'Fake buyers on classified-ad platforms send sellers a link to a fake payment or courier page that harvests card details or bank logins.',
      'Sellers are told the buyer has already paid and must "confirm" receipt through a phishing page.',
    ],
    t: ['T1566.002'], s: ['citizens', 'retail'], r: ['EU', 'NL', 'BE', 'DE', 'PL'], pop: 'm', L: 4, I: 2,
  },
  {
    k: 'romance-scams', c: 'online-fraud', ac: [], fam: 'fraud',
    titles: ['Romance scams', 'Online dating fraud', 'Romance fraud targeting older people', 'Love scams on dating apps and social media'],
    sums: [
      'Fraudsters build long online relationships with fake profiles and then ask for money for emergencies, travel or medical costs.',
      'Victims, often older and isolated, lose large sums over months; shame leads to heavy under-reporting.',
    ],
    t: [], s: ['citizens'], r: ['EU', 'GB', 'NL', 'DE', 'US'], pop: 'm', L: 3, I: 3,
  },
  {
    k: 'crypto-investment-scams', c: 'cryptocurrency-crime', ac: ['online-fraud'], fam: 'fraud',
    titles: ['Crypto investment scams', 'Fake crypto trading platforms', 'Investment fraud with deepfake celebrity ads', 'Cryptocurrency investment fraud via social media ads',
      'Fake broker call centres'],
    sums: [
      'Ads featuring deepfaked celebrities lure victims to fake trading platforms that show fictitious profits; call centres push for ever larger deposits and "withdrawal fees".',
      'Boiler-room call centres operate fake brokers and persuade victims to install remote-access apps to "help" them invest.',
      'Investment fraud using fake crypto platforms accounts for the largest fraud losses reported this period.',
    ],
    t: ['T1583.001', 'T1219'], s: ['citizens', 'finance'], r: ['EU', 'DE', 'NL', 'BE', 'GB', 'GLOBAL'], pop: 'h', L: 5, I: 4,
  },
  {
    k: 'tech-support-scams', c: 'online-fraud', ac: [], fam: 'fraud',
    titles: ['Tech-support scams', 'Fake Microsoft helpdesk calls', 'Browser pop-up tech-support fraud', 'Remote-access helpdesk impersonation scams'],
    sums: [
      'Pop-ups or cold calls claim the victim\'s computer is infected; the "technician" installs remote-access software and takes over online banking.',
      'Callers posing as Microsoft or internet-provider support charge for fake repairs and steal banking credentials.',
    ],
    t: ['T1219', 'T1656'], s: ['citizens'], r: ['EU', 'GB', 'US', 'NL'], pop: 'm', L: 3, I: 2,
  },
  {
    k: 'card-skimming', c: 'payment-fraud', ac: [], fam: 'fraud',
    titles: ['Card skimming at ATMs and payment terminals', 'ATM skimming', 'Payment terminal skimming devices', 'Physical card skimming and shimming',
      'Skimming at fuel stations and parking machines'],
    sums: [
      'Criminal groups fit skimmers and hidden cameras to ATMs, fuel pumps and unattended terminals; cloned cards are cashed out abroad.',
      'Shimming devices inserted into card readers capture chip data at self-service terminals.',
    ],
    t: [], s: ['finance', 'retail'], r: ['EU', 'DE', 'IT', 'RO', 'NL'], pop: 'm', L: 2, I: 2,
  },
  {
    k: 'infostealer-ato', c: 'data-theft', ac: ['online-fraud'], fam: 'cyber',
    titles: ['Account takeover using infostealer logs', 'Session hijacking with stolen browser cookies', 'Credential stuffing with infostealer logs',
      'Infostealer log trading leading to account takeover', 'Account takeover via stolen credentials and session cookies'],
    sums: [
      'Credentials and session cookies harvested by commodity infostealers are sold in log shops and Telegram channels, then used to take over corporate SaaS and personal accounts without triggering MFA.',
      'Stealer logs (for example from Lumma or RedLine infections) are bought in bulk and replayed against webmail, SaaS and cloud consoles.',
      'Account takeovers traced to infected home computers of employees whose saved browser passwords were sold.',
    ],
    t: ['T1539', 'T1550.004', 'T1078', 'T1555.003'], s: ['technology', 'finance', 'citizens', 'retail'], r: ['GLOBAL', 'EU', 'US'], pop: 'm', L: 4, I: 3,
  },
  {
    k: 'ddos-extortion', c: 'ddos', ac: ['online-fraud'], fam: 'cyber',
    titles: ['DDoS extortion', 'Ransom DDoS (RDDoS) campaigns', 'DDoS-for-ransom letters', 'Extortion emails threatening DDoS attacks'],
    sums: [
      'Extortion emails threaten large DDoS attacks unless a bitcoin ransom is paid; a short demonstration attack often follows.',
      'Ransom letters signed with the names of well-known groups (for example "Fancy Lazarus") threaten DDoS attacks against banks and hosting providers.',
      'RDDoS waves against financial institutions; most threats are not followed by sustained attacks.',
    ],
    t: ['T1498', 'T1499'], s: ['finance', 'technology', 'telecommunications'], r: ['EU', 'GLOBAL', 'NL', 'DE'], pop: 'm', L: 3, I: 2,
  },
  {
    k: 'm365-credential-phishing', c: 'phishing', ac: [], fam: 'cyber',
    titles: ['Microsoft 365 credential phishing', 'Credential phishing waves against Office 365 users', 'Fake SharePoint and OneDrive file-share phishing',
      'Mass credential harvesting emails impersonating Microsoft', 'Phishing for corporate cloud email accounts'],
    sums: [
      'Waves of emails with fake shared-document notifications lead to credential-harvesting pages that mimic the Microsoft sign-in page.',
      'Compromised mailboxes of one victim are used to phish its contacts, producing chains of business email compromise.',
      'Phishing for Microsoft 365 accounts remains the most common initial step in incidents reported to us.',
    ],
    t: ['T1566.002', 'T1078.004', 'T1114.003'], s: ['government', 'education', 'smes', 'healthcare'], r: ['EU', 'GLOBAL', 'NL', 'DE'], pop: 'h', L: 5, I: 2,
  },
  {
    k: 'qr-parking-fraud', c: 'payment-fraud', ac: ['phishing'], fam: 'fraud',
    titles: ['QR code fraud on parking meters', 'Quishing stickers on parking and EV charging stations', 'Fake QR codes on parking payment machines', 'QR-code phishing in public spaces'],
    sums: [
      'Stickers with fraudulent QR codes placed over genuine ones on parking meters and charging stations lead to fake payment pages.',
      'Quishing in public spaces: victims scan a QR code to pay for parking and enter card details on a phishing site.',
    ],
    t: [], s: ['citizens', 'transport'], r: ['EU', 'NL', 'BE', 'GB', 'FR'], pop: 'l', L: 3, I: 1,
  },
  {
    k: 'family-impersonation', c: 'online-fraud', ac: [], fam: 'fraud',
    titles: ['"Hi Mum" WhatsApp fraud', 'Friend-in-need fraud via messaging apps', 'Family impersonation scams on WhatsApp', 'Fake child "new number" messages'],
    sums: [
      'A message from an unknown number claims to come from the victim\'s child with a new phone and asks for an urgent payment.',
      'Criminals impersonate relatives on WhatsApp and ask for help paying a bill; losses are often a few thousand euros per case.',
    ],
    t: ['T1656'], s: ['citizens'], r: ['NL', 'BE', 'DE', 'GB', 'EU'], pop: 'm', L: 4, I: 2,
  },
  {
    k: 'insider-data-theft', c: 'insider-threat', ac: ['data-theft'], fam: 'cyber',
    titles: ['Data theft by departing employees', 'Insider exfiltration of intellectual property', 'Malicious insiders copying customer data', 'Employees taking confidential data to competitors'],
    sums: [
      'Staff leaving for competitors copy customer lists, source code or designs to personal cloud storage or USB devices.',
      'Insiders with broad access exfiltrate sensitive data shortly before resigning; detection is usually after the fact.',
    ],
    t: ['T1052.001', 'T1567.002', 'T1005'], s: ['manufacturing', 'technology', 'finance'], r: ['EU', 'DE', 'NL'], pop: 'l', L: 3, I: 3,
  },
  {
    k: 'advance-fee-loan-fraud', c: 'online-fraud', ac: [], fam: 'fraud',
    titles: ['Advance-fee loan fraud', 'Fake loan offers requiring upfront fees', 'Loan scams targeting people in debt', 'Fraudulent credit offers on social media'],
    sums: [
      'Fake lenders promise quick loans regardless of credit history and demand insurance or processing fees up front.',
      'People in financial difficulty are targeted with social-media adverts for loans that never materialise.',
    ],
    t: [], s: ['citizens', 'finance'], r: ['EU', 'ES', 'NL', 'BE'], pop: 'l', L: 3, I: 1,
  },
  {
    k: 'cloud-cryptojacking', c: 'malware', ac: ['vulnerability-exploitation'], fam: 'cyber',
    titles: ['Cryptojacking in cloud environments', 'Cryptomining on exposed Docker and Kubernetes hosts', 'Cloud resource hijacking for cryptomining', 'Illicit cryptomining via misconfigured containers'],
    sums: [
      'Attackers scan for exposed Docker APIs, Kubernetes dashboards and leaked cloud keys to deploy XMRig miners, running up large cloud bills.',
      'Misconfigured container hosts are enrolled into mining botnets within hours of exposure.',
    ],
    t: ['T1496', 'T1610', 'T1078.004', 'T1552.001'], s: ['technology', 'smes'], r: ['GLOBAL', 'EU'], pop: 'l', L: 3, I: 1,
  },
  {
    k: 'hacktivist-defacements', c: 'hacktivism', ac: ['vulnerability-exploitation'], fam: 'cyber',
    titles: ['Website defacements by hacktivists', 'Hacktivist defacement of municipal websites', 'Politically motivated web defacements', 'Defacement of poorly maintained CMS sites'],
    sums: [
      'Low-skilled hacktivists exploit outdated CMS plugins to deface local government and school websites with political messages.',
      'Defacements follow geopolitical events and mostly hit small, unmaintained websites.',
    ],
    t: ['T1491.002', 'T1190'], s: ['government', 'education'], r: ['EU', 'NL', 'FR', 'DE'], pop: 'l', L: 3, I: 1,
  },
  {
    k: 'tax-refund-phishing', c: 'phishing', ac: ['online-fraud'], fam: 'fraud',
    titles: ['Tax refund phishing', 'Phishing impersonating the tax authority', 'Fake tax rebate emails and texts', 'Government-themed refund scams'],
    sums: [
      'Around tax season, emails and texts promising a refund lead to fake government portals that harvest bank and identity details.',
      'Messages in the style of the national tax administration ask recipients to "verify" their bank account to receive a rebate.',
    ],
    t: ['T1566.002', 'T1583.001'], s: ['citizens', 'government'], r: ['EU', 'NL', 'BE', 'GB', 'FR'], pop: 'm', L: 3, I: 2,
  },
];

// A few extra names for unnamed schemes (generic jargon, not actor names).
const UNNAMED_ALIASES = {
  'ceo-fraud': ['BEC', 'whaling', 'CEO fraud'],
  'invoice-fraud': ['payment diversion fraud', 'mandate fraud'],
  'sim-swapping': ['SIM hijacking', 'SIM swap'],
  'bank-helpdesk-fraud': ['safe account scam', 'spoofing'],
  'parcel-smishing': ['smishing'],
  'crypto-investment-scams': ['investment fraud', 'fake trading platforms'],
  'qr-parking-fraud': ['quishing'],
  'family-impersonation': ['Hi Mum scam'],
  'ddos-extortion': ['RDDoS', 'ransom DDoS'],
  'infostealer-ato': ['account takeover', 'ATO'],
};
const UNNAMED_MALWARE = {
  'infostealer-ato': ['LummaC2', 'RedLine'],
  'cloud-cryptojacking': ['XMRig'],
};

// ---------------------------------------------------------------------------------------------
// Partners

const GROUP_OF = {
  ransomware: 'ransomware', malware: 'malware', espionage: 'espionage', 'supply-chain-compromise': 'espionage',
  ddos: 'ddos', hacktivism: 'ddos', 'online-fraud': 'fraud', 'payment-fraud': 'fraud', 'business-email-compromise': 'fraud',
  'cryptocurrency-crime': 'fraud', phishing: 'phishing', 'crime-as-a-service': 'phishing', 'child-sexual-exploitation': 'cse',
  'dark-web-market': 'market', 'vulnerability-exploitation': 'vuln', 'data-theft': 'data', 'insider-threat': 'data', other: 'data',
};

const PARTNERS = [
  {
    file: 'partner-01.yaml', id: 'cert-alpha', name: 'National CERT Alpha', rel: 'A', home: 'NL', sectors: [], cap: 48,
    issued: '2026-06-30', period: '2026-H2', tlp: 'green', header: true,
    focus: { ransomware: 2.2, malware: 1.6, espionage: 1.4, ddos: 1.2, fraud: 0.35, phishing: 1.2, cse: 0.1, market: 0.8, vuln: 2, data: 1.4 },
    id_: (n) => `E-${String(n).padStart(3, '0')}`, rank: 'all', sv: 0, lb: 0, ib: 0,
    p: { sum: 0.9, al: 0.5, act: 0.4, mw: 0.4, cve: 0.85, tech: 0.7, ind: 0.3, sec: 0.8, reg: 0.8, ref: 0.3, act_: 0.4, conf: 1, trend: 0.8, cred: 0.6, tlp: 0.06 },
    cred: 'int', yaml: { flow: false, indentSeq: true, folded: true },
  },
  {
    file: 'partner-02.json', id: 'police-north', name: 'Northern Region Police Cybercrime Unit', rel: 'B', home: 'SE', sectors: [], cap: 42,
    issued: '2026-03-16', period: '2026', tlp: 'amber', schemaRef: true,
    focus: { fraud: 3, phishing: 2, cse: 3, market: 2, ransomware: 1, malware: 0.6, espionage: 0.15, ddos: 0.7, vuln: 0.2, data: 0.8 },
    id_: (n) => `T-${String(n).padStart(3, '0')}`, rank: 'top', sv: 1, lb: 0, ib: 1,
    p: { sum: 0.95, al: 0.3, act: 0.2, mw: 0.2, cve: 0.2, tech: 0.1, ind: 0.25, sec: 0.7, reg: 0.9, ref: 0.05, act_: 0.6, conf: 0, trend: 0.9, cred: 0.8, tlp: 0.05 },
    cred: 'str',
  },
  {
    file: 'partner-03.yaml', id: 'isac-health', name: 'Health Sector ISAC', rel: 'C', home: 'DE', sectors: ['healthcare'], cap: 38,
    issued: '2026-09-01', period: '2026-Q4', tlp: 'amber', header: false,
    focus: { ransomware: 3, vuln: 2.5, data: 1.5, phishing: 1.3, malware: 1, ddos: 0.8, espionage: 0.4, fraud: 0.4, cse: 0.05, market: 0.3 },
    id_: (n) => `HS-26-${String(n).padStart(2, '0')}`, rank: 'all', sv: 1, lb: 1, ib: 1,
    p: { sum: 0.7, al: 0.4, act: 0.2, mw: 0.3, cve: 0.7, tech: 0.3, ind: 0.2, sec: 0.9, reg: 0.5, ref: 0.2, act_: 0.5, conf: 0.5, trend: 0.5, cred: 0, tlp: 0.05 },
    cred: null, yaml: { flow: true, indentSeq: false, folded: false },
  },
  {
    file: 'partner-04.json', id: 'fincert', name: 'Financial Sector CERT', rel: 'B', home: 'BE', sectors: ['finance'], cap: 48,
    issued: '2026-05-20', period: '2026-H2', tlp: 'TLP:AMBER', tlpLabels: true,
    focus: { fraud: 2.5, malware: 2.2, phishing: 2, ddos: 2, ransomware: 1.2, data: 1.5, market: 1.5, espionage: 0.5, cse: 0.1, vuln: 0.8 },
    id_: (n) => `FC${String(n).padStart(4, '0')}`, rank: 'none', sv: 1, lb: 0, ib: 0,
    p: { sum: 0.8, al: 0.4, act: 0.3, mw: 0.5, cve: 0.5, tech: 0.4, ind: 0.4, sec: 0.8, reg: 0.6, ref: 0.2, act_: 0.3, conf: 0.8, trend: 0.6, cred: 0.5, tlp: 0.08 },
    cred: 'int',
  },
  {
    file: 'partner-05.yaml', id: 'defence-csirt', name: 'Defence Computer Security Incident Response Team', rel: 'A', home: 'PL', sectors: ['defence', 'government'], cap: 40,
    issued: '2026-10-12', period: '2026/2027', tlp: 'amber', header: true,
    focus: { espionage: 4, ddos: 2, vuln: 1.5, ransomware: 0.6, malware: 1, data: 1, phishing: 0.6, fraud: 0.05, cse: 0.02, market: 0.2 },
    id_: (n) => `DEF.2026.${String(n).padStart(3, '0')}`, rank: 'all', sv: 0, lb: 0, ib: 1,
    p: { sum: 0.9, al: 0.8, act: 0.7, mw: 0.6, cve: 0.6, tech: 0.9, ind: 0.5, sec: 0.8, reg: 0.9, ref: 0.4, act_: 0.3, conf: 1, trend: 0.7, cred: 0.9, tlp: 0.1 },
    cred: 'int', yaml: { flow: false, indentSeq: false, folded: true },
  },
  {
    file: 'partner-06.yaml', id: 'police-south', name: 'Southern Police Cybercrime Centre', rel: 'B', home: 'ES', sectors: [], cap: 40,
    issued: '2026-02-27', period: '2026', tlp: 'green', header: false,
    focus: { fraud: 3, cse: 2.5, market: 2, phishing: 1.8, ransomware: 1.3, malware: 0.7, ddos: 0.5, espionage: 0.1, vuln: 0.2, data: 0.8 },
    id_: (n) => `PS-${n}`, rank: 'top', sv: 2, lb: 1, ib: 0,
    p: { sum: 0.8, al: 0.2, act: 0.2, mw: 0.2, cve: 0.1, tech: 0, ind: 0.2, sec: 0.5, reg: 0.7, ref: 0, act_: 0.7, conf: 0.3, trend: 0.8, cred: 0.7, tlp: 0.04 },
    cred: 'str', yaml: { flow: true, indentSeq: true, folded: false },
  },
  {
    file: 'partner-07.json', id: 'telco-isac', name: 'Telecom Operators ISAC', rel: 'D', home: 'FR', sectors: ['telecommunications'], cap: 34,
    issued: '2026-07-07', period: '2026-Q3', tlp: 'green',
    focus: { ddos: 3, espionage: 1.6, fraud: 1, phishing: 1.8, malware: 1.2, ransomware: 1, data: 1.2, vuln: 1, cse: 0.05, market: 0.5 },
    id_: (n) => `TEL-${String(n).padStart(3, '0')}`, rank: 'none', sv: 2, lb: -1, ib: 0,
    p: { sum: 0.5, al: 0.4, act: 0.3, mw: 0.4, cve: 0.6, tech: 0.5, ind: 0.4, sec: 0.6, reg: 0.6, ref: 0.1, act_: 0.2, conf: 0.6, trend: 0.4, cred: 0, tlp: 0.05 },
    cred: null,
  },
  {
    file: 'partner-08.yaml', id: 'edu-csirt', name: 'Research and Education Network CSIRT', rel: 'E', home: 'IE', sectors: ['education'], cap: 36,
    issued: '2026-04-03', period: 'academic year 2026/27', tlp: 'green', header: true,
    focus: { ransomware: 2.2, phishing: 2, espionage: 1.2, malware: 1.3, ddos: 1, fraud: 0.7, data: 1, cse: 0.3, market: 0.3, vuln: 1 },
    id_: (n) => `EDU:${String(n).padStart(3, '0')}`, rank: 'top', sv: 2, lb: 1, ib: -1,
    p: { sum: 0.6, al: 0.3, act: 0.2, mw: 0.3, cve: 0.5, tech: 0.3, ind: 0.2, sec: 0.7, reg: 0.4, ref: 0.1, act_: 0.4, conf: 0.4, trend: 0.6, cred: 0.3, tlp: 0.1 },
    cred: 'str', yaml: { flow: false, indentSeq: true, folded: false },
  },
  {
    file: 'partner-09.yaml', id: 'ncsc-gamma', name: 'National Cyber Security Centre Gamma', rel: 'A', home: 'GB', sectors: [], cap: 50,
    issued: '2026-10-30', period: '2027', tlp: 'amber', header: true,
    focus: { espionage: 2.2, ransomware: 2.2, malware: 1.4, ddos: 1.3, fraud: 0.8, phishing: 1.4, cse: 0.3, market: 0.8, vuln: 1.6, data: 1.6 },
    id_: (n) => `NCSC-2026-${String(n).padStart(3, '0')}`, rank: 'all', sv: 0, lb: 0, ib: 0,
    p: { sum: 0.95, al: 0.6, act: 0.5, mw: 0.5, cve: 0.8, tech: 0.6, ind: 0.3, sec: 0.8, reg: 0.7, ref: 0.4, act_: 0.5, conf: 1, trend: 1, cred: 0.5, tlp: 0.08 },
    cred: 'int', yaml: { flow: true, indentSeq: true, folded: true },
  },
  {
    file: 'partner-10.json', id: 'intel-delta', name: 'Delta Threat Intelligence (commercial provider)', rel: 'F', home: null, sectors: [], cap: 46,
    issued: '2026-08-14', period: '2026-H2', tlp: 'amber',
    focus: { malware: 2.5, ransomware: 2, espionage: 2, phishing: 1.8, market: 1.5, ddos: 1, fraud: 0.25, cse: 0.02, vuln: 1.2, data: 1.4 },
    id_: (n) => `TA-${String(n).padStart(4, '0')}`, rank: 'none', sv: 0, lb: -1, ib: 0,
    p: { sum: 0.6, al: 0.8, act: 0.6, mw: 0.8, cve: 0.8, tech: 1, ind: 0.8, sec: 0.6, reg: 0.6, ref: 0.6, act_: 0.1, conf: 0.9, trend: 0.5, cred: 0, tlp: 0.03 },
    cred: null,
  },
];

// ---------------------------------------------------------------------------------------------
// Hard negatives: sets of threats that must NOT be merged. Shared-CVE sets are derived from the
// knowledge table (see sharedCveSets); these are the name- and topic-based ones.

const HARD_NEGATIVES = [
  { label: 'Medusa name collision: Medusa RaaS vs MedusaLocker vs Medusa Android banker (and Turla, whose Snake takedown was "Operation MEDUSA")', keys: ['medusa', 'medusalocker', 'medusa-android', 'turla'] },
  { label: '"Black" ransomware names: Black Basta vs ALPHV/BlackCat vs Black Kingdom vs Royal/BlackSuit', keys: ['black-basta', 'alphv', 'black-kingdom', 'royal'] },
  { label: 'Royal ransomware vs Royal Mail-themed parcel smishing vs postal-themed PhaaS platforms', keys: ['royal', 'parcel-smishing', 'darcula', 'labhost'] },
  { label: 'Conti ransomware vs Contec CMS8000 patient-monitor backdoor (both healthcare)', keys: ['conti', 'contec-cms8000'] },
  { label: 'Ryuk vs the Chaos builder marketed as "Ryuk .NET builder"; Wizard Spider family (Ryuk, Conti, TrickBot share the actor field)', keys: ['ryuk', 'chaos', 'conti', 'trickbot'] },
  { label: 'LockBit vs LockerGoga', keys: ['lockbit', 'lockergoga'] },
  { label: 'Hive ransomware vs Hive0117 vs Hunters International (code overlap with Hive)', keys: ['hive', 'hive0117', 'hunters-international'] },
  { label: 'DragonForce ransomware vs DragonForce Malaysia hacktivists vs Scattered Spider (co-reported UK retail attacks)', keys: ['dragonforce', 'dragonforce-malaysia', 'scattered-spider'] },
  { label: 'Octo Android banking trojan vs Octo Tempest (= Scattered Spider)', keys: ['octo', 'scattered-spider'] },
  { label: 'Scattered Spider vs ALPHV (Scattered Spider entries list BlackCat as malware)', keys: ['scattered-spider', 'alphv'] },
  { label: 'Black Basta vs QakBot (Black Basta entries list QakBot as malware)', keys: ['black-basta', 'qakbot'] },
  { label: 'Phobos vs SmokeLoader (Phobos entries list SmokeLoader as malware)', keys: ['phobos', 'smokeloader'] },
  { label: 'Cracked Cobalt Strike vs ransomware entries that list Cobalt Strike as a tool', keys: ['cobalt-strike', 'lockbit', 'black-basta', 'play', 'rhysida', 'conti'] },
  { label: 'Russian state actors with shared techniques (T1110.003, T1566, T1078)', keys: ['apt28', 'apt29', 'turla', 'sandworm', 'gamaredon', 'star-blizzard'] },
  { label: 'Chinese state actors (two "Typhoons", APT41, Mustang Panda)', keys: ['volt-typhoon', 'salt-typhoon', 'apt41', 'mustang-panda'] },
  { label: 'North Korean actors', keys: ['lazarus', 'kimsuky', 'dprk-it-workers'] },
  { label: 'Iranian actors', keys: ['charming-kitten', 'muddywater', 'cyberav3ngers'] },
  { label: 'DDoS actors and schemes', keys: ['noname057', 'killnet', 'anonymous-sudan', 'ddos-extortion', 'dragonforce-malaysia', 'mirai'] },
  { label: 'RDDoS letters signed "Fancy Lazarus" vs APT28 (Fancy Bear) and Lazarus', keys: ['ddos-extortion', 'apt28', 'lazarus'] },
  { label: 'Phishing kits / PhaaS: 16shop vs LabHost vs Tycoon 2FA vs EvilProxy vs Darcula', keys: ['16shop', 'labhost', 'tycoon2fa', 'evilproxy', 'darcula'] },
  { label: 'AiTM kits vs generic Microsoft 365 credential phishing', keys: ['tycoon2fa', 'evilproxy', 'm365-credential-phishing'] },
  { label: 'Infostealers, log market and account takeover (the unnamed ATO entries may name Lumma/RedLine)', keys: ['lumma', 'redline', 'raccoon', 'genesis-market', 'infostealer-ato'] },
  { label: 'Loaders with shared delivery techniques', keys: ['qakbot', 'icedid', 'emotet', 'trickbot', 'smokeloader', 'darkgate', 'socgholish', 'gootloader'] },
  { label: 'Android banking trojans', keys: ['anatsa', 'octo', 'medusa-android'] },
  { label: 'Mercenary spyware: Pegasus vs Predator', keys: ['pegasus', 'predator'] },
  { label: 'Education-sector ransomware', keys: ['vice-society', 'rhysida', 'akira', 'fog'] },
  { label: 'Impersonation and payment fraud: CEO fraud vs invoice fraud vs bank-helpdesk vs "Hi Mum" vs tech-support', keys: ['ceo-fraud', 'invoice-fraud', 'bank-helpdesk-fraud', 'family-impersonation', 'tech-support-scams'] },
  { label: 'SIM swapping vs smishing bank-helpdesk fraud vs Scattered Spider (which also SIM-swaps)', keys: ['sim-swapping', 'bank-helpdesk-fraud', 'scattered-spider'] },
  { label: 'Sextortion spam vs financial sextortion of minors vs AI-generated CSAM', keys: ['sextortion-email', 'sextortion-minors', 'ai-csam'] },
  { label: 'Skimming: physical card skimming vs Magecart web skimming vs QR-code parking fraud', keys: ['card-skimming', 'magecart', 'qr-parking-fraud'] },
  { label: 'Online shopping fraud: fake webshops vs holiday rentals vs marketplace payment links', keys: ['fake-webshops', 'holiday-rental-fraud', 'marketplace-fraud'] },
  { label: 'Romance scams vs crypto investment scams vs advance-fee loans', keys: ['romance-scams', 'crypto-investment-scams', 'advance-fee-loan-fraud'] },
  { label: 'Phishing waves: parcel smishing vs tax-refund phishing vs M365 phishing vs marketplace links vs QR codes', keys: ['parcel-smishing', 'tax-refund-phishing', 'm365-credential-phishing', 'marketplace-fraud', 'qr-parking-fraud'] },
  { label: 'Defacements: generic hacktivists vs DragonForce Malaysia vs CyberAv3ngers PLC defacement', keys: ['hacktivist-defacements', 'dragonforce-malaysia', 'cyberav3ngers'] },
  { label: 'Insider threats: departing employees vs North Korean IT workers', keys: ['insider-data-theft', 'dprk-it-workers'] },
];

/** Deliberately shared infrastructure between different threats (documentation addresses). */
const SHARED_INDICATORS = [
  { keys: ['lumma', 'redline'], ind: { type: 'ipv4', value: '203.0.113.66' } },
  { keys: ['16shop', 'labhost'], ind: { type: 'ipv4', value: '198.51.100.23' } },
];

// ---------------------------------------------------------------------------------------------
// Vocabularies

const SECTOR_WORDS = {
  healthcare: ['healthcare', 'health', 'hospitals'],
  finance: ['finance', 'financial services', 'banking'],
  government: ['government', 'public administration', 'public sector'],
  education: ['education', 'higher education', 'universities'],
  manufacturing: ['manufacturing', 'industry', 'manufacturing'],
  telecommunications: ['telecommunications', 'telecom', 'telecoms'],
  energy: ['energy', 'energy', 'energy sector'],
  retail: ['retail', 'e-commerce', 'retail'],
  citizens: ['citizens', 'consumers', 'private individuals'],
  smes: ['SMEs', 'small businesses', 'SME'],
  defence: ['defence', 'defence industry', 'defence'],
  legal: ['legal', 'law firms', 'legal services'],
  logistics: ['logistics', 'transport and logistics', 'logistics'],
  hospitality: ['hospitality', 'hotels', 'hospitality'],
  technology: ['technology', 'IT services', 'tech'],
  'critical infrastructure': ['critical infrastructure', 'vital infrastructure', 'critical infrastructure'],
  water: ['water', 'water utilities', 'drinking water'],
  transport: ['transport', 'transportation', 'transport'],
  insurance: ['insurance', 'insurers', 'insurance'],
  cryptocurrency: ['cryptocurrency', 'crypto exchanges', 'virtual assets'],
  media: ['media', 'journalists', 'media'],
  ngos: ['NGOs', 'civil society', 'non-profits'],
  'think tanks': ['think tanks', 'think tanks', 'policy institutes'],
  diplomacy: ['diplomacy', 'foreign affairs', 'diplomatic missions'],
  minors: ['minors', 'children', 'young people'],
};

const DEFAULT_SFX = {
  ransomware: ['ransomware', 'ransomware affiliates', 'ransomware operations', 'ransomware attacks', 'RaaS', 'ransomware group', 'ransomware intrusions'],
  loader: ['malware', 'loader', 'campaigns', 'infections'],
  stealer: ['infostealer', 'stealer', 'infections'],
  banker: ['banking trojan', 'banking malware'],
  apt: ['espionage', 'activity', 'operations', 'campaigns', 'intrusions', 'APT activity', 'cyber espionage', 'spear-phishing campaigns'],
  spyware: ['spyware'],
  hacktivist: ['DDoS attacks', 'hacktivists'],
  phaas: ['phishing kit', 'phishing-as-a-service'],
  crew: ['activity', 'intrusions'],
  other: ['activity', 'campaigns'],
};

const OPENERS = {
  ransomware: [
    '{N} is a ransomware operation that combines data theft with encryption and leak-site extortion.',
    'Ransomware-as-a-service; {N} affiliates are active against {S}.',
    '{N} remains one of the ransomware threats most relevant to {S}.',
    'We observed {N} incidents affecting {S} during the period.',
    'Double-extortion attacks by {N} affiliates.',
  ],
  loader: [
    '{N} infections are regularly observed in our constituency.',
    '{N} is used for initial access, often followed by hands-on-keyboard intrusions.',
    'Malware family {N} remains active.',
    'Detections of {N} continue, including in {S}.',
  ],
  stealer: ['{N} is a widely used infostealer.', 'Infections with {N} lead to theft of credentials and session cookies.', 'Detections of {N} continue, including in {S}.'],
  banker: ['{N} targets customers of banks and payment apps.', 'Mobile banking malware {N} remains active against {S}.'],
  tool: ['{N} remains the most common post-exploitation framework seen in intrusions.'],
  botnet: ['{N}-based botnets continue to launch DDoS attacks.', 'Botnets built on {N} remain active.'],
  spyware: ['Commercial spyware {N} poses a risk to {S}.', '{N} is used against high-value individuals.'],
  apt: [
    'State-sponsored cyber espionage attributed to {N}.', '{N} continues to target {S}.', 'Espionage activity by {N} against {S}.',
    'Persistent threat from {N}, with intrusions observed against {S}.',
  ],
  hacktivist: ['Politically motivated attacks claimed by {N}.', '{N} continues to target {S}.', 'Hacktivist activity by {N} against {S}.'],
  crew: ['{N} remains a significant threat to {S}.', 'Activity by {N} against {S}.'],
  insider: ['Fraudulent hiring of {N} poses an insider risk to {S}.'],
  phaas: ['{N} lowers the barrier to entry for phishing.', 'Phishing-as-a-service offering {N}, used against customers in {S}.'],
  skimming: ['{N} attacks affect online shops, including {S}.'],
  market: ['{N} is a criminal marketplace for stolen access data.'],
  vuln: ['Relevant to {S}.', 'Vulnerability affecting equipment used in {S}.'],
};

const FILLERS = {
  fraud: ['Reporting increased during the period.', 'Under-reporting is likely.', 'Several cases involved cross-border money flows.',
    'Losses per victim are modest but volumes are high.', 'Trend based on reports received through our hotline.'],
  cse: ['Reports from hotlines and platforms continue to rise.', 'Victims are often reluctant to report.'],
  cyber: ['Assessment based on incident reports from our constituency.', 'Partner reporting suggests continued activity next period.',
    'No change in tactics compared with the previous period.', 'Detection coverage among constituents is uneven.'],
};

const ACTIONS = {
  ransomware: ['Prioritise patching of internet-facing VPN, file-transfer and remote-management appliances', 'Enforce MFA on all remote access',
    'Coordinate victim notification and share leak-site monitoring', 'Exercise offline backup restoration with critical constituents'],
  malware: ['Distribute detection rules (YARA/Sigma) to constituents', 'Notify owners of infected hosts through abuse channels', 'Coordinate sinkholing with law enforcement'],
  espionage: ['Exchange indicators through the joint MISP community', 'Brief government constituents on current spear-phishing lures', 'Hunt for living-off-the-land activity on edge devices'],
  ddos: ['Pre-arrange DDoS mitigation for government portals', 'Coordinate with hosting providers and scrubbing services', 'Share target lists announced on Telegram channels'],
  fraud: ['Run a joint awareness campaign', 'Coordinate with banks on blocking mule accounts', 'Request takedown of fraudulent domains and adverts', 'Share reported phone numbers with telecom operators'],
  phishing: ['Coordinate takedown of phishing infrastructure', 'Notify impersonated brands', 'Promote phishing-resistant MFA'],
  cse: ['Strengthen reporting channels for young victims', 'Coordinate with platforms on account removal', 'Share offender identifiers with Europol'],
  market: ['Support joint law-enforcement disruption', 'Notify victims whose data is offered for sale'],
  vuln: ['Issue an advisory to affected constituents', 'Track vendor remediation and compensating controls'],
  data: ['Review access controls and data-loss-prevention coverage', 'Brief HR and security teams on warning signs'],
};

const ALL_NAMES = new Map(); // normalised name -> key
const norm = (s) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
for (const th of NAMED) for (const nm of [th.n, th.ambiguousShort ? undefined : th.short, ...th.al, ...(th.xal ?? [])].filter(Boolean)) {
  const k = norm(nm);
  if (ALL_NAMES.has(k) && ALL_NAMES.get(k) !== th.k) throw new Error(`name ${nm} used by ${ALL_NAMES.get(k)} and ${th.k}`);
  ALL_NAMES.set(k, th.k);
}

function editDistance(a, b) {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return dp[a.length][b.length];
}

/**
 * True when `name` is at least as close to another threat's name as to its own threat's names
 * (so a misspelling would be genuinely ambiguous); `margin` demands extra distance from others.
 */
function collides(name, ownKey, margin = 0) {
  const n = norm(name);
  let own = Infinity;
  let other = Infinity;
  for (const [nm, key] of ALL_NAMES) {
    const d = editDistance(n, nm);
    if (key === ownKey) own = Math.min(own, d);
    else other = Math.min(other, d);
  }
  return other <= own || other < margin;
}

for (const th of NAMED) for (const t of th.ty) if (collides(t, th.k)) throw new Error(`typo ${t} of ${th.k} collides with another threat`);

function randomTypo(rng, name, ownKey) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const chars = [...name];
    const letters = chars.map((c, i) => (i > 0 && /[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
    if (letters.length < 4) return undefined;
    const i = rng.pick(letters);
    const op = rng.int(0, 3);
    if (op === 0) chars.splice(i, 1);
    else if (op === 1) chars.splice(i, 0, chars[i]);
    else if (op === 2 && i + 1 < chars.length && /[a-z]/i.test(chars[i + 1])) [chars[i], chars[i + 1]] = [chars[i + 1], chars[i]];
    else if (/[aeiou]/i.test(chars[i])) chars[i] = rng.pick([...'aeiou'].filter((v) => v !== chars[i].toLowerCase()));
    else continue;
    const out = chars.join('');
    if (norm(out) === norm(name) || collides(out, ownKey, 2) || ALL_NAMES.has(norm(out))) continue;
    return out;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Indicator pools (documentation ranges only)

const DOC_NETS = ['192.0.2', '198.51.100', '203.0.113'];
const WORDS = ['secure', 'update', 'cdn', 'portal', 'files', 'sync', 'login', 'cloud', 'support', 'delivery', 'track', 'invoice', 'pay', 'verify',
  'account', 'mail', 'docs', 'share', 'service', 'status', 'parcel', 'refund', 'wallet', 'trade', 'invest', 'office', 'auth', 'sso', 'vpn', 'data',
  'static', 'api', 'metrics', 'news', 'help', 'desk', 'bank', 'post', 'tax', 'shop', 'deal', 'store', 'outlet', 'drop', 'gate', 'node', 'relay', 'edge'];
const PATHS = ['login', 'verify', 'track/parcel', 'invoice.pdf', 'update.js', 'gate.php', 'api/v1/beacon', 'pay', 'secure/auth', 'download/setup.zip', 'c/s'];
const LOCALS = ['billing', 'ceo.office', 'support', 'noreply', 'payments', 'helpdesk', 'hr', 'finance', 'security'];

function buildIndicatorPools() {
  const rng = new Rng('indicators');
  const used = new Set(SHARED_INDICATORS.map((s) => s.ind.value));
  const unique = (make) => {
    for (;;) {
      const v = make();
      if (!used.has(v)) { used.add(v); return v; }
    }
  };
  const domain = () => unique(() => (rng.chance(0.5) ? `${rng.pick(WORDS)}-${rng.pick(WORDS)}.example` : `${rng.pick(WORDS)}${rng.int(1, 99)}.example`));
  const pools = new Map();
  const all = [...NAMED.map((t) => ({ th: t, fam: t.c === 'child-sexual-exploitation' ? 'cse' : 'cyber' })), ...UNNAMED.map((t) => ({ th: t, fam: t.fam }))];
  for (const { th, fam } of all) {
    if (fam === 'cse' || th.c === 'insider-threat' || th.k === 'contec-cms8000') { pools.set(th.k, []); continue; }
    const n = rng.int(3, 6);
    const pool = [];
    for (let i = 0; i < n; i++) {
      const kind = fam === 'fraud' ? rng.weighted({ domain: 4, url: 3, email: 1, ipv4: 1 }) : rng.weighted({ ipv4: 4, domain: 3, url: 2, ipv6: 1, email: 0.5 });
      if (kind === 'ipv4') pool.push({ type: 'ipv4', value: unique(() => `${rng.pick(DOC_NETS)}.${rng.int(1, 254)}`) });
      else if (kind === 'ipv6') pool.push({ type: 'ipv6', value: unique(() => `2001:db8:${rng.int(0x100, 0xfff).toString(16)}::${rng.int(0x10, 0xff).toString(16)}`) });
      else if (kind === 'domain') pool.push({ type: 'domain', value: domain() });
      else if (kind === 'url') pool.push({ type: 'url', value: `https://${domain()}/${rng.pick(PATHS)}` });
      else pool.push({ type: 'email', value: `${rng.pick(LOCALS)}@${domain()}` });
    }
    pools.set(th.k, pool);
  }
  for (const s of SHARED_INDICATORS) for (const k of s.keys) pools.get(k).push(s.ind);
  return pools;
}

// ---------------------------------------------------------------------------------------------
// Which partner reports which threat

const GROUP_SIZE = {
  h: { 6: 2, 7: 3, 8: 3, 9: 2 },
  m: { 2: 1, 3: 3, 4: 3, 5: 2, 6: 1 },
  l: { 1: 4, 2: 4, 3: 2 },
};

function affinity(partner, th) {
  let w = partner.focus[GROUP_OF[th.c]] ?? 0.5;
  if (partner.sectors.some((s) => th.s.includes(s))) w *= 2.5;
  if (partner.home && th.r.includes(partner.home)) w *= 1.4;
  return w;
}

function assign() {
  const rng = new Rng('assign');
  const threats = [...NAMED, ...UNNAMED];
  const order = ['h', 'm', 'l'].flatMap((pop) => rng.shuffle(threats.filter((t) => t.pop === pop)));
  const count = new Map(PARTNERS.map((p) => [p.id, 0]));
  const reporters = new Map();
  for (const th of order) {
    const k = Number(rng.weighted(GROUP_SIZE[th.pop]));
    const chosen = [];
    for (let i = 0; i < k; i++) {
      const weights = {};
      for (const p of PARTNERS) {
        if (chosen.includes(p)) continue;
        const room = Math.max(0.03, (p.cap - count.get(p.id)) / p.cap);
        weights[p.id] = affinity(p, th) * room;
      }
      const id = rng.weighted(weights);
      const p = PARTNERS.find((x) => x.id === id);
      chosen.push(p);
      count.set(id, count.get(id) + 1);
    }
    reporters.set(th.k, chosen);
  }
  return reporters;
}

// ---------------------------------------------------------------------------------------------
// Writing one entry the way a given partner's analyst would

const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
const lcfirst = (s) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
const isNamed = (th) => 'n' in th;
const kindOf = (th) => th.kind ?? ({
  ransomware: 'ransomware', espionage: 'apt', ddos: 'hacktivist', hacktivism: 'hacktivist', 'data-theft': 'crew', 'insider-threat': 'insider',
  'crime-as-a-service': 'phaas', 'payment-fraud': 'skimming', 'dark-web-market': 'market', 'vulnerability-exploitation': 'vuln',
}[th.c] ?? 'other');

function sectorWord(partner, s) { return (SECTOR_WORDS[s] ?? [s, s, s])[partner.sv]; }

function sectorPhrase(partner, sectors) {
  const words = [...new Set(sectors.map((s) => sectorWord(partner, s)))].slice(0, 2);
  return words.length === 0 ? 'several sectors' : words.join(' and ');
}

const ROOTS = ['ransom', 'steal', 'phish', 'ddos', 'spy', 'bank', 'botnet', 'loader', 'market', 'skim', 'hacktiv', 'trojan', 'malware', 'backdoor'];
function redundant(base, suffix) {
  const b = base.toLowerCase();
  const s = suffix.toLowerCase().replace(/\braas\b/, 'ransomware');
  return ROOTS.some((r) => b.includes(r) && s.includes(r));
}

/** Aliases that read naturally next to `base` in "A (B)" or "A / B" (not "DarkGate / DarkGate loader"). */
function pairable(base, alias) {
  const a = norm(alias);
  const b = norm(base);
  if (a === b || editDistance(a, b) <= 2) return false;
  const words = (x) => x.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 4);
  const shared = words(alias).some((w) => words(base).includes(w)) || a.includes(b) || b.includes(a);
  if (shared) return /\d/.test(alias) && !/\d/.test(base);
  return true;
}

function namedTitle(th, partner, rng, entrySectors) {
  const display = th.short ?? th.n;
  if (th.titles && rng.chance(0.14)) return { title: rng.pick(th.titles), display, base: display };
  const titleAliases = th.al;
  let base;
  const form = rng.weighted({ canonical: 0.45, alias: titleAliases.length ? 0.3 : 0, typo: 0.13, short: th.short ? 0.15 : 0 });
  if (form === 'alias') base = rng.pick(titleAliases);
  else if (form === 'short') base = th.short;
  else if (form === 'typo') {
    base = th.ty.length && rng.chance(0.7) ? rng.pick(th.ty) : randomTypo(rng, rng.chance(0.5) && th.short ? th.short : th.n, th.k);
    base ??= th.ty.length ? rng.pick(th.ty) : th.n;
  } else base = th.n;
  const caseRoll = rng.float();
  let shown = base;
  if (caseRoll < 0.06) shown = base.toLowerCase();
  else if (caseRoll < 0.09 && base.length <= 14) shown = base.toUpperCase();

  const sfxList = (th.sfx ?? DEFAULT_SFX[kindOf(th)] ?? DEFAULT_SFX.other).filter((s) => !redundant(shown, s));
  const sfx = sfxList.length ? rng.pick(sfxList) : '';
  const withSfx = sfx ? `${shown} ${sfx}` : shown;
  const otherAlias = [th.n, ...titleAliases].filter((a) => pairable(base, a) && (a === th.n || pairable(th.n, a) || form === 'canonical'));
  const pattern = rng.weighted({
    bare: 0.22, sfx: 0.4, paren: otherAlias.length ? 0.1 : 0, slash: otherAlias.length ? 0.05 : 0,
    sector: entrySectors.length && sfx ? 0.12 : 0, prefix: sfx ? 0.06 : 0,
  });
  let title;
  if (pattern === 'bare') title = shown;
  else if (pattern === 'sfx') title = withSfx;
  else if (pattern === 'paren') title = rng.chance(0.7) ? `${shown} (${rng.pick(otherAlias)})` : `${rng.pick(otherAlias)} (${shown})`;
  else if (pattern === 'slash') title = `${shown} / ${rng.pick(otherAlias)}`;
  else if (pattern === 'sector') title = `${withSfx} ${rng.pick(['against', 'targeting', 'hitting'])} ${sectorWord(partner, rng.pick(entrySectors))}`;
  else title = `${rng.pick(['Ongoing', 'Continued', 'Renewed', 'Persistent'])} ${withSfx}`;
  if (rng.chance(0.04)) title = title.toLowerCase();
  // In summaries analysts usually write the name properly, even when the title has a typo.
  const summaryName = form === 'typo' && rng.chance(0.5) ? display : base;
  return { title, display: summaryName, base };
}

function namedSummary(th, partner, rng, name, sectors) {
  const parts = [];
  const openers = OPENERS[kindOf(th)];
  if (openers && rng.chance(0.6)) parts.push(rng.pick(openers).replace('{N}', name).replace('{S}', sectorPhrase(partner, sectors.length ? sectors : th.s.slice(0, 1))));
  // A random subset of the notes, kept in table order so the defining sentence comes first.
  const chosen = new Set(rng.shuffle(th.notes).slice(0, rng.int(1, Math.min(3, th.notes.length))));
  const notes = th.notes.filter((n) => chosen.has(n));
  parts.push(...notes);
  if (rng.chance(0.15)) parts.push(rng.pick(FILLERS.cyber));
  return parts.join(' ');
}

function pickList(rng, list, p, min, max) {
  const out = rng.keep(list, p, min);
  return max === undefined ? out : rng.shuffle(out).slice(0, max).sort((a, b) => list.indexOf(a) - list.indexOf(b));
}

const GENERIC_TECH = {
  ransomware: ['T1486', 'T1490', 'T1078', 'T1566', 'T1059.001', 'T1021.001'],
  malware: ['T1204.002', 'T1566.001', 'T1105', 'T1027'],
  espionage: ['T1566.001', 'T1078', 'T1071.001', 'T1190', 'T1560'],
  ddos: ['T1498', 'T1499'],
};

function makeEntry(th, partner, pools) {
  const rng = new Rng(`entry:${partner.id}:${th.k}`);
  const named = isNamed(th);
  const P = partner.p;
  const entry = {};

  const sectors = pickList(rng, th.s, 0.55, 1, 3);
  if (partner.sectors.length && rng.chance(0.35)) for (const s of partner.sectors) if (!sectors.includes(s)) sectors.push(s);

  let title;
  let name;
  if (named) {
    const t = namedTitle(th, partner, rng, sectors);
    title = t.title;
    name = t.display;
  } else {
    title = rng.pick(th.titles);
    if (rng.chance(0.08) && /^[A-Z][a-z]/.test(title)) title = `${rng.pick(['Rise in', 'Increase in', 'Continued'])} ${lcfirst(title)}`;
    if (rng.chance(0.04)) title = title.toLowerCase();
  }

  entry.id = '';
  entry.title = title;
  entry.category = th.ac.length && rng.chance(0.15) ? rng.pick(th.ac) : th.c;
  entry.likelihood = clamp(th.L + (rng.chance(0.35) ? partner.lb : 0) + rng.pick([-1, 0, 0, 0, 1]), 1, 5);
  entry.impact = clamp(th.I + (rng.chance(0.35) ? partner.ib : 0) + rng.pick([-1, 0, 0, 0, 0, 1]), 1, 5);
  if (rng.chance(P.conf)) entry.confidence = clamp(5 * Math.round(((th.pop === 'l' ? 55 : 70) + rng.int(-20, 20)) / 5), 20, 95);
  if (rng.chance(P.trend)) {
    const w = th.L <= 1 || th.defunct ? { decreasing: 6, stable: 2, increasing: 0.3 } : th.pop === 'h' ? { increasing: 5, stable: 3, decreasing: 0.5 } : { increasing: 2, stable: 3, decreasing: 1 };
    entry.trend = rng.weighted(w);
  }
  if (partner.cred && rng.chance(P.cred)) {
    const c = Number(rng.weighted({ 1: 1, 2: 4, 3: 3, 4: 0.6, 6: 0.4 }));
    entry.credibility = partner.cred === 'str' ? String(c) : c;
  }
  if (rng.chance(P.sum)) {
    if (named) entry.summary = namedSummary(th, partner, rng, name, sectors);
    else {
      const parts = [rng.pick(th.sums)];
      if (rng.chance(0.3)) parts.push(rng.pick(FILLERS[th.fam]));
      entry.summary = parts.join(' ');
    }
  }

  if (named) {
    const names = [th.n, ...th.al, ...(th.xal ?? [])].filter((n) => n !== title && !title.includes(n));
    if (names.length && rng.chance(P.al)) entry.aliases = pickList(rng, names, 0.45, 1, 5);
    if (th.act.length && rng.chance(P.act)) entry.actors = pickList(rng, th.act, 0.6, 1);
    const mw = th.mw.filter((m) => m !== title);
    if (mw.length && rng.chance(P.mw)) entry.malware = pickList(rng, mw, 0.6, 1);
    if (th.cve.length && rng.chance(P.cve)) entry.cves = pickList(rng, th.cve, 0.55, 1);
  } else {
    const al = UNNAMED_ALIASES[th.k];
    if (al && rng.chance(P.al * 0.5)) entry.aliases = pickList(rng, al, 0.5, 1);
    const mw = UNNAMED_MALWARE[th.k];
    if (mw && rng.chance(P.mw * 0.6)) entry.malware = pickList(rng, mw, 0.5, 1);
  }
  if (th.t.length && rng.chance(P.tech)) {
    const tech = pickList(rng, th.t, 0.55, 1);
    const generic = GENERIC_TECH[GROUP_OF[th.c]];
    if (named && generic && rng.chance(0.3)) {
      const extra = rng.pick(generic);
      if (!tech.includes(extra)) tech.push(extra);
    }
    entry.techniques = tech;
  }
  const pool = pools.get(th.k);
  if (pool.length && rng.chance(P.ind)) entry.indicators = rng.shuffle(pool).slice(0, rng.int(1, Math.min(3, pool.length)));
  if (rng.chance(P.sec)) entry.sectors = sectors.map((s) => sectorWord(partner, s));
  if (rng.chance(P.reg)) {
    const regions = pickList(rng, th.r, 0.5, 1, 4);
    if (partner.home && rng.chance(0.5) && !regions.includes(partner.home)) regions.push(partner.home);
    entry.regions = regions;
  }
  const actions = ACTIONS[GROUP_OF[th.c]];
  if (actions && rng.chance(P.act_)) entry.actions = rng.shuffle(actions).slice(0, rng.int(1, 2));
  if (named && th.refs.length && rng.chance(P.ref)) entry.references = pickList(rng, th.refs, 0.7, 1);
  if (rng.chance(P.tlp)) {
    const levels = ['clear', 'green', 'amber', 'amber+strict', 'red'].filter((l) => l !== partner.tlp.replace(/^TLP:/, '').toLowerCase());
    const level = rng.weighted(Object.fromEntries(levels.map((l) => [l, { clear: 1, green: 3, amber: 3, 'amber+strict': 1.5, red: 0.5 }[l]])));
    entry.tlp = partner.tlpLabels ? `TLP:${level.toUpperCase()}` : level;
  }
  return entry;
}

// ---------------------------------------------------------------------------------------------
// Partner documents

function buildPartnerDoc(partner, items) {
  const rng = new Rng(`doc:${partner.id}`);
  const entries = rng.shuffle(items);
  // Entry ids: a shuffled sample of numbers, so neither order nor numbering says anything.
  const span = Math.ceil(entries.length * 1.6);
  const numbers = rng.shuffle(Array.from({ length: span }, (_, i) => i + 1)).slice(0, entries.length);
  entries.forEach((e, i) => { e.entry.id = partner.id_(numbers[i]); });
  if (partner.rank !== 'none') {
    const scored = rng.shuffle(entries).map((e) => ({ e, score: e.entry.likelihood * e.entry.impact + rng.float() * 4 }));
    scored.sort((a, b) => b.score - a.score);
    const n = partner.rank === 'all' ? scored.length : rng.int(10, 15);
    scored.slice(0, n).forEach(({ e }, i) => {
      // Re-create the object so `rank` sits after `impact`/`confidence` like a person would write it.
      const { id, title, category, likelihood, impact, confidence, ...rest } = e.entry;
      e.entry = { id, title, category, likelihood, impact, ...(confidence !== undefined ? { confidence } : {}), rank: i + 1, ...rest };
    });
  }
  const doc = {};
  if (partner.schemaRef) doc.$schema = '../../schemas/threat-assessment.v1.schema.json';
  doc.schemaVersion = 1;
  doc.partner = { id: partner.id, name: partner.name, reliability: partner.rel };
  doc.issued = partner.issued;
  doc.period = partner.period;
  doc.tlp = partner.tlp;
  doc.threats = entries.map((e) => e.entry);
  return { doc, entries };
}

// ---------------------------------------------------------------------------------------------
// YAML emitter (block style, the subset a person would write; output is YAML 1.2 and 1.1 safe)

function plainSafe(s, flow) {
  if (s === '' || /^\s|\s$/.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/: |:$| #|\t|\n|\r/.test(s)) return false;
  if (flow && /[,[\]{}:]/.test(s)) return false;
  if (/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(s)) return false;
  if (/^[-+.]?\d/.test(s) || /^\.(inf|nan)$/i.test(s)) return false;
  if (/^[-+]?[\d_]*\.?[\d_]*(e[-+]?\d+)?$/i.test(s)) return false; // YAML 1.1 float forms such as E-016
  if (/[^\x20-\x7e]/.test(s)) return false;
  return true;
}

function scalar(v, flow = false) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return plainSafe(v, flow) ? v : JSON.stringify(v);
}

function wrap(text, width) {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) { lines.push(line); line = w; } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

function emitMap(obj, indent, style) {
  const lines = [];
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    const pad = ' '.repeat(indent);
    if (Array.isArray(v)) {
      const scalars = v.every((x) => typeof x !== 'object');
      const flowLine = `${pad}${k}: [${v.map((x) => scalar(x, true)).join(', ')}]`;
      if (scalars && style.flow && !['actions', 'references', 'aliases'].includes(k) && flowLine.length <= 100) { lines.push(flowLine); continue; }
      lines.push(`${pad}${k}:`);
      const itemIndent = style.indentSeq ? indent + 2 : indent;
      for (const item of v) lines.push(...emitSeqItem(item, itemIndent, style));
    } else if (v !== null && typeof v === 'object') {
      lines.push(`${pad}${k}:`, ...emitMap(v, indent + 2, style));
    } else if (k === 'summary' && style.folded && v.length > 90 && !/ {2}|\n/.test(v)) {
      lines.push(`${pad}${k}: >-`, ...wrap(v, 90).map((l) => `${pad}  ${l}`));
    } else {
      lines.push(`${pad}${k}: ${scalar(v)}`);
    }
  }
  return lines;
}

function emitSeqItem(item, indent, style) {
  const pad = ' '.repeat(indent);
  if (item === null || typeof item !== 'object') return [`${pad}- ${scalar(item)}`];
  const sub = emitMap(item, indent + 2, style);
  sub[0] = `${pad}- ${sub[0].slice(indent + 2)}`;
  return sub;
}

function toYaml(doc, partner) {
  const head = [];
  if (partner.header) head.push('# yaml-language-server: $schema=../../schemas/threat-assessment.v1.schema.json');
  head.push(`# ${partner.name}: threat assessment ${partner.period}`);
  const lines = [...head, ...emitMap(doc, 0, partner.yaml)];
  // A blank line between threat entries, as people tend to write them.
  const out = [];
  for (const l of lines) {
    if (/^\s*- id: /.test(l) && out.length && !/^threats:$/.test(out[out.length - 1])) out.push('');
    out.push(l);
  }
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Corpus

function sharedCveSets() {
  const by = new Map();
  for (const th of NAMED) for (const c of th.cve) by.set(c, [...(by.get(c) ?? []), th.k]);
  return [...by].filter(([, ks]) => ks.length > 1).sort(([a], [b]) => (a < b ? -1 : 1)).map(([cve, keys]) => ({ cve, keys }));
}

export function buildCorpus() {
  const pools = buildIndicatorPools();
  const reporters = assign();
  const byPartner = new Map(PARTNERS.map((p) => [p.id, []]));
  for (const th of [...NAMED, ...UNNAMED]) {
    for (const p of reporters.get(th.k)) byPartner.get(p.id).push({ key: th.k, entry: makeEntry(th, p, pools) });
  }
  const files = [];
  const groups = {};
  for (const p of PARTNERS) {
    const { doc, entries } = buildPartnerDoc(p, byPartner.get(p.id));
    for (const e of entries) (groups[e.key] ??= []).push(`${p.id}/${e.entry.id}`);
    const text = p.file.endsWith('.json') ? `${JSON.stringify(doc, null, 2)}\n` : toYaml(doc, p);
    files.push({ name: p.file, text, doc, partner: p });
  }
  const sortedGroups = {};
  for (const th of [...NAMED, ...UNNAMED].map((t) => t.k).sort()) sortedGroups[th] = groups[th].sort();
  const truth = { groups: sortedGroups, named: NAMED.map((t) => t.k).sort() };
  check(files, truth);
  files.push({ name: 'truth.json', text: `${JSON.stringify(truth, null, 2)}\n` });
  files.push({ name: 'README.md', text: readme(files, truth) });
  return files;
}

/** Invariants the corpus must satisfy; a failure is a bug in this generator. */
function check(files, truth) {
  const fail = (m) => { throw new Error(`corpus check failed: ${m}`); };
  const seen = new Set();
  let total = 0;
  for (const { doc, name } of files) {
    const ids = new Set();
    const ranks = new Set();
    for (const t of doc.threats) {
      total++;
      if (ids.has(t.id)) fail(`${name}: duplicate id ${t.id}`);
      ids.add(t.id);
      if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(t.id)) fail(`${name}: bad id ${t.id}`);
      if (t.rank !== undefined) { if (ranks.has(t.rank)) fail(`${name}: duplicate rank`); ranks.add(t.rank); }
      for (const c of t.cves ?? []) if (!/^CVE-\d{4}-\d{4,}$/.test(c)) fail(`bad CVE ${c}`);
      for (const x of t.techniques ?? []) if (!/^T\d{4}(\.\d{3})?$/.test(x)) fail(`bad technique ${x}`);
      for (const r of t.regions ?? []) if (!/^([A-Z]{2}|GLOBAL)$/.test(r)) fail(`bad region ${r}`);
      for (const i of t.indicators ?? []) {
        const v = i.value;
        const ok = i.type === 'ipv4' ? /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}$/.test(v)
          : i.type === 'ipv6' ? /^2001:db8:/.test(v)
            : i.type === 'domain' ? /\.example$/.test(v)
              : i.type === 'url' ? /^https:\/\/[^/]+\.example\//.test(v)
                : i.type === 'email' ? /@[^@]+\.example$/.test(v) : false;
        if (!ok) fail(`indicator outside documentation ranges: ${v}`);
      }
      if (t.title.length > 300 || (t.summary ?? '').length > 20000) fail('field too long');
    }
    for (const id of ids) seen.add(`${doc.partner.id}/${id}`);
  }
  if (total < 350 || total > 500) fail(`${total} entries, expected 350-500`);
  const inGroups = Object.values(truth.groups).flat();
  if (inGroups.length !== total || new Set(inGroups).size !== total) fail('entries and truth groups disagree');
  for (const ref of inGroups) if (!seen.has(ref)) fail(`unknown ref ${ref}`);
  for (const [k, refs] of Object.entries(truth.groups)) {
    const partners = refs.map((r) => r.split('/')[0]);
    if (new Set(partners).size !== partners.length) fail(`partner twice in group ${k}`);
    if (refs.length === 0) fail(`empty group ${k}`);
  }
  for (const hn of HARD_NEGATIVES) for (const k of hn.keys) if (!truth.groups[k]) fail(`hard negative key ${k}`);
}

// ---------------------------------------------------------------------------------------------
// README

function readme(files, truth) {
  const partnerFiles = files.filter((f) => f.doc);
  const total = partnerFiles.reduce((n, f) => n + f.doc.threats.length, 0);
  const sizes = Object.values(truth.groups).map((g) => g.length);
  const hist = new Map();
  for (const s of sizes) hist.set(s, (hist.get(s) ?? 0) + 1);
  const namedSet = new Set(truth.named);
  const namedEntries = Object.entries(truth.groups).filter(([k]) => namedSet.has(k)).reduce((n, [, g]) => n + g.length, 0);
  const pairs = sizes.reduce((n, s) => n + (s * (s - 1)) / 2, 0);
  const crossPairs = (total * total - partnerFiles.reduce((n, f) => n + f.doc.threats.length ** 2, 0)) / 2;
  const nameOf = new Map([...NAMED.map((t) => [t.k, t.n]), ...UNNAMED.map((t) => [t.k, t.titles[0]])]);
  const label = (k) => `\`${k}\``;
  const L = [];
  L.push('# Entity-resolution evaluation corpus');
  L.push('');
  L.push('A labelled corpus for measuring how well threatmerge recognises entries that describe the same threat across partners');
  L.push('(pairwise and B-cubed precision/recall). Ten fictitious partners each submit one assessment; every entry belongs to');
  L.push('exactly one real-world threat, recorded in `truth.json`.');
  L.push('');
  L.push('**Generated file — do not edit by hand.** Change `generate.mjs` and regenerate:');
  L.push('');
  L.push('```sh');
  L.push('node test/corpus/generate.mjs');
  L.push('```');
  L.push('');
  L.push(`The generator is plain Node 20 ESM without dependencies. All randomness comes from mulberry32 streams derived from the fixed`);
  L.push(`seed \`${SEED}\` (one stream per partner/threat pair, so editing one threat does not reshuffle the rest); two runs produce`);
  L.push('byte-identical files. `buildCorpus()` is exported for tests that want the objects rather than the files.');
  L.push('');
  L.push('Only the `partner-*` files are submissions; `truth.json` and this README are not. Run the tool on them with, e.g.,');
  L.push('`threatmerge validate test/corpus/partner-*`.');
  L.push('');
  L.push('## Files');
  L.push('');
  L.push('| File | Partner id | Partner | Reliability | Issued | Entries | Ranked |');
  L.push('|---|---|---|---|---|---:|---|');
  for (const f of partnerFiles) {
    const ranked = f.doc.threats.filter((t) => t.rank !== undefined).length;
    L.push(`| \`${f.name}\` | \`${f.partner.id}\` | ${f.partner.name} | ${f.partner.rel} | ${f.partner.issued} | ${f.doc.threats.length} | ${ranked === 0 ? 'no' : ranked === f.doc.threats.length ? 'all' : `top ${ranked}`} |`);
  }
  L.push('');
  L.push('## Counts');
  L.push('');
  L.push(`- Entries: **${total}** in ${partnerFiles.length} files (${partnerFiles.filter((f) => f.name.endsWith('.yaml')).length} YAML, ${partnerFiles.filter((f) => f.name.endsWith('.json')).length} JSON).`);
  L.push(`- Groups (distinct threats): **${sizes.length}** — ${truth.named.length} named (actor, malware, group, platform or product), ${sizes.length - truth.named.length} unnamed schemes.`);
  L.push(`- Entries in named groups: ${namedEntries}; in unnamed groups: ${total - namedEntries}.`);
  L.push(`- True matching pairs: ${pairs} out of ${crossPairs} cross-partner pairs (no group contains two entries of one partner).`);
  L.push('');
  L.push('Group-size distribution (number of partners reporting a threat):');
  L.push('');
  L.push('| Size | Groups |');
  L.push('|---:|---:|');
  for (const s of [...hist.keys()].sort((a, b) => a - b)) L.push(`| ${s} | ${hist.get(s)} |`);
  L.push('');
  L.push('## Truth format');
  L.push('');
  L.push('```json');
  L.push('{ "groups": { "<threat-key>": ["<partner-id>/<entry-id>", ...], ... }, "named": ["<threat-key>", ...] }');
  L.push('```');
  L.push('');
  L.push('Every entry of every partner file appears in exactly one group. Threat keys appear only in `truth.json`: entry ids');
  L.push('(`E-017`, `FC0042`, `DEF.2026.031`, ...) are a shuffled sample of numbers, and entries are shuffled within each file, so');
  L.push('neither ids nor order leak the truth. `named` lists the threats with a proper name (actor, malware family, group,');
  L.push('platform, market, or — for `contec-cms8000` — a named product backdoor); the others are schemes without a named actor.');
  L.push('');
  L.push('## How it was made');
  L.push('');
  L.push(`- A hand-written knowledge table of ${NAMED.length} real named threats (canonical name, public aliases, category, actors,`);
  L.push('  malware/tools, CVEs, ATT&CK techniques, sectors, regions, a few factual notes, public references) and');
  L.push(`  ${UNNAMED.length} threats without a named actor (fraud schemes, phishing waves, DDoS extortion, sextortion, ...), each with`);
  L.push('  several paraphrased titles and summaries. Facts come from public reporting (CISA advisories, vendor reports, MITRE');
  L.push('  ATT&CK); aliases or CVE links the author was unsure of were left out.');
  L.push('- Each threat gets a reporting count (popular threats 6–9 partners, most 2–6, niche or defunct ones 1–3). Partners are');
  L.push('  drawn by affinity: police units favour fraud and child exploitation, the defence CSIRT espionage, the sector ISACs');
  L.push('  threats that hit their sector, and so on. No partner reports a threat twice.');
  L.push('- Each partner writes an entry in its own style: title from the canonical name, an alias, a version ("LockBit 3.0"),');
  L.push('  a short form, or a misspelling (hand-picked such as "Blackbasta", "Qakbot", "Emotett", "Dracula", or a random');
  L.push('  one-letter edit that is never closer to another threat\'s name), in varying case, with or without suffixes');
  L.push('  ("ransomware affiliates", "operations", "activity", "... targeting hospitals"), "Name (Alias)" forms and a few');
  L.push('  fully paraphrased titles; random subsets of aliases, actors, malware, CVEs and techniques; sector names in the');
  L.push('  partner\'s own vocabulary ("healthcare"/"health"/"hospitals"); regions with the partner\'s home country added;');
  L.push('  sometimes a different plausible category; likelihood and impact around a baseline with partner bias and noise;');
  L.push('  optional confidence, trend, credibility (integer or string), summary, indicators, actions, references, TLP.');
  L.push('- Indicators use documentation ranges only (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, `*.example`).');
  L.push('  Each threat has a small pool that its reporters sample from, so indicator overlap is real evidence — except for the');
  L.push('  deliberate confounders below.');
  L.push('- The generator asserts its invariants (unique ids and ranks per file, every entry in exactly one group, no partner twice');
  L.push('  in a group, indicator ranges, identifier patterns) before writing.');
  L.push('');
  L.push('## Hard negatives (must NOT be merged)');
  L.push('');
  L.push('Name and topic confusions:');
  L.push('');
  for (const hn of HARD_NEGATIVES) L.push(`- ${hn.label}: ${hn.keys.map(label).join(', ')}`);
  L.push('');
  L.push('Different threats sharing a CVE (derived from the knowledge table; entries carry random subsets, so not every entry');
  L.push('shows the shared CVE):');
  L.push('');
  for (const s of sharedCveSets()) L.push(`- ${s.cve}: ${s.keys.map(label).join(', ')}`);
  L.push('');
  L.push('Deliberately shared indicators between different threats (shared hosting):');
  L.push('');
  for (const s of SHARED_INDICATORS) L.push(`- ${s.ind.value}: ${s.keys.map(label).join(', ')}`);
  L.push('');
  L.push('Hard positives (must be merged) include alias-only titles ("Forest Blizzard", "Octo Tempest", "Lace Tempest",');
  L.push('"PlayCrypt", "Sodinokibi", "FakeUpdates", "TeaBot", "Agenda", "BlackSuit (formerly Royal)"), misspellings, paraphrased');
  L.push('unnamed schemes ("CEO fraud targeting SMEs" / "Fake CEO payment requests to finance staff" / "BEC: impersonation of');
  L.push('company directors"), and entries with no CVE or technique overlap at all.');
  L.push('');
  L.push('## Threat keys');
  L.push('');
  L.push('| Key | Named | Reported by | Description |');
  L.push('|---|---|---:|---|');
  for (const k of Object.keys(truth.groups)) L.push(`| \`${k}\` | ${namedSet.has(k) ? 'yes' : 'no'} | ${truth.groups[k].length} | ${nameOf.get(k)} |`);
  L.push('');
  L.push('## Caveats');
  L.push('');
  L.push('- The assessments are dated 2026 but the knowledge reflects public reporting up to 2025; some threats are defunct');
  L.push('  (Hive, Conti, Ryuk, Genesis Market, ...). They are kept on purpose, mostly with low likelihood and a decreasing trend,');
  L.push('  because partners do keep such entries and they make good name-similarity negatives.');
  L.push('- Partners, entry texts, scores and indicators are fictitious; only names, aliases, CVEs, techniques and notes are real.');
  L.push('- Some truth decisions are judgement calls and are made explicit here: rebrands reported by authorities as one');
  L.push('  operation are one threat (Royal = BlackSuit, REvil = Sodinokibi, Formbook = XLoader); families that merely share');
  L.push('  developers, code or an actor are distinct (Conti/Ryuk/TrickBot, Hive/Hunters International, Scattered Spider/ALPHV/');
  L.push('  DragonForce); an unnamed scheme is distinct from a named platform that may power it (parcel smishing vs Darcula,');
  L.push('  Microsoft 365 phishing vs Tycoon 2FA, infostealer account takeover vs Lumma).');
  L.push('');
  return `${L.join('\n')}`;
}

// ---------------------------------------------------------------------------------------------

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = dirname(fileURLToPath(import.meta.url));
  mkdirSync(dir, { recursive: true });
  const files = buildCorpus();
  for (const f of files) writeFileSync(join(dir, f.name), f.text);
  const entries = files.filter((f) => f.doc).reduce((n, f) => n + f.doc.threats.length, 0);
  process.stdout.write(`wrote ${files.length} files to ${dir} (${entries} entries)\n`);
}
