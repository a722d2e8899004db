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
    refs: [CISA('aa23-353a')], pop: 'm', L: 2, I: 4,
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
    k: 'akira', n: 'Akira', al: ['Akira ransomware'], ty: ['Akria', 'Akirra'], c: 'ransomware', ac: [],
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
    k: 'fog', n: 'Fog', al: ['Fog ransomware'], ty: ['FOG'], c: 'ransomware', ac: [], act: [], mw: [],
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
    refs: [CISA('aa23-158a')], pop: 'm', L: 3, I: 5,
    titles: ['MOVEit Transfer mass exploitation (Cl0p)', 'Mass exploitation of managed file transfer software by Lace Tempest', 'Clop data-theft extortion via file-transfer zero-days'],
  },
  {
    k: 'play', n: 'Play', al: ['PlayCrypt', 'Play ransomware'], ty: ['PLAY', 'Playcrypt'], c: 'ransomware', ac: [],
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
    k: 'royal', n: 'Royal', al: ['BlackSuit', 'Royal ransomware'], ty: ['Royall', 'Roayl'], c: 'ransomware', ac: [],
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
    k: 'medusa', n: 'Medusa', al: ['Medusa ransomware'], xal: ['Spearwing'], ty: ['Medussa'], c: 'ransomware', ac: ['crime-as-a-service'],
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
    k: 'medusa-android', n: 'Medusa Android banking trojan', short: 'Medusa', al: ['Medusa banking trojan', 'Medusa (Android)'], ty: [],
    c: 'malware', ac: ['online-fraud'], act: [], mw: ['Medusa'], cve: [], t: ['T1417', 'T1517'],
    s: ['finance', 'citizens'], r: ['EU', 'TR', 'IT', 'ES', 'FR'],
    notes: [
      'Android banking trojan that abuses Accessibility Services for overlays, keylogging and remote control of the device.',
      'Spread through SMS lures and dropper apps posing as legitimate applications.',
      'Unrelated to the Medusa ransomware operation.',
    ],
    refs: [], pop: 'l', L: 3, I: 2, sfx: [],
    titles: ['Medusa Android banking malware', 'Medusa mobile banking trojan targeting bank customers', 'Android banker Medusa'],
  },
  {
    k: 'black-kingdom', n: 'Black Kingdom', al: ['Black Kingdom ransomware'], xal: ['Pydomer'], ty: ['BlackKingdom', 'Black Kingdon'],
    c: 'ransomware', ac: ['vulnerability-exploitation'], act: [], mw: [], cve: ['CVE-2021-26855', 'CVE-2021-27065'],
    t: ['T1190', 'T1486', 'T1505.003'], s: ['smes', 'manufacturing'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Ransomware deployed against unpatched Microsoft Exchange servers through ProxyLogon in March 2021.',
      'A Python-based, relatively unsophisticated encryptor.',
    ],
    refs: [], pop: 'l', L: 1, I: 3, sfx: ['ransomware'],
  },
  {
    k: 'hive', n: 'Hive', al: ['Hive ransomware'], ty: ['HIVE'], c: 'ransomware', ac: [], act: [], mw: [],
    cve: ['CVE-2020-12812', 'CVE-2021-31207', 'CVE-2021-34473', 'CVE-2021-34523'],
    t: ['T1486', 'T1190', 'T1133', 'T1490', 'T1070.001'], s: ['healthcare', 'critical infrastructure', 'government'], r: ['GLOBAL', 'US', 'EU'],
    notes: [
      'Ransomware-as-a-service dismantled in January 2023 after the FBI, German and Dutch police infiltrated its servers.',
      'Affiliates exploited ProxyShell and FortiOS vulnerabilities.',
      'Heavily targeted hospitals and healthcare providers.',
    ],
    refs: [CISA('aa22-321a')], pop: 'l', L: 1, I: 4, sfx: ['ransomware', 'RaaS'],
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
    k: 'lockergoga', n: 'LockerGoga', al: ['LockerGoga ransomware'], ty: ['Locker Goga', 'LockerGoga'], c: 'ransomware', ac: [],
    act: [], mw: [], cve: [], t: ['T1486', 'T1531', 'T1484.001'], s: ['manufacturing', 'energy'], r: ['NO', 'FR', 'US'],
    notes: [
      'Ransomware used in the 2019 attack on Norsk Hydro and against other industrial firms.',
      'Suspected operators were arrested in Ukraine in 2021 in a Europol-supported operation.',
    ],
    refs: [], pop: 'l', L: 1, I: 4, sfx: ['ransomware'],
  },
  {
    k: 'conti', n: 'Conti', al: ['Conti ransomware'], xal: ['GOLD ULRICK'], ty: ['CONTI', 'Conty'], c: 'ransomware', ac: [],
    act: ['Wizard Spider'], mw: ['TrickBot', 'BazarLoader', 'Cobalt Strike'], cve: ['CVE-2020-1472', 'CVE-2021-34527'],
    t: ['T1486', 'T1490', 'T1021.002', 'T1003.001', 'T1566.001'], s: ['healthcare', 'government'], r: ['GLOBAL', 'IE', 'US', 'CR'],
    notes: [
      'Ransomware-as-a-service run by Wizard Spider; its internal chats leaked in 2022 after the group declared support for Russia\'s invasion of Ukraine.',
      'Attacked Ireland\'s Health Service Executive in May 2021 and the Costa Rican government in 2022.',
      'Officially shut down in mid-2022; members moved on to other operations.',
    ],
    refs: [CISA('aa21-265a'), MITRE_S('S0575')], pop: 'l', L: 1, I: 4, sfx: ['ransomware', 'ransomware group'],
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
    k: 'ryuk', n: 'Ryuk', al: ['Ryuk ransomware'], xal: ['UNC1878'], ty: ['RYUK', 'Ryuck'], c: 'ransomware', ac: [],
    act: ['Wizard Spider'], mw: ['TrickBot', 'BazarLoader'], cve: ['CVE-2020-1472'], t: ['T1486', 'T1490', 'T1489', 'T1021.002'],
    s: ['healthcare', 'government'], r: ['US', 'GLOBAL'],
    notes: [
      'Operated by Wizard Spider and typically deployed after TrickBot or BazarLoader infections.',
      'Hit US hospitals hard in 2020.',
    ],
    refs: [MITRE_S('S0446')], pop: 'l', L: 1, I: 4, sfx: ['ransomware'],
  },
  {
    k: 'chaos', n: 'Chaos', al: ['Chaos ransomware', 'Yashma'], ty: ['Choas'], c: 'ransomware', ac: ['crime-as-a-service'],
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
    k: 'rhysida', n: 'Rhysida', al: ['Rhysida ransomware'], ty: ['Rhyshida', 'Rhysidia'], c: 'ransomware', ac: [],
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
    refs: [CISA('aa22-249a')], pop: 'l', L: 2, I: 3, sfx: ['ransomware', 'ransomware group', 'extortion attacks'],
  },
  {
    k: 'cuba', n: 'Cuba', al: ['Cuba ransomware', 'Tropical Scorpius'], xal: ['UNC2596', 'COLDDRAW'], ty: ['CUBA'], c: 'ransomware', ac: [],
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
    refs: [], pop: 'l', L: 1, I: 4, sfx: ['ransomware'],
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
    refs: [CISA('aa24-242a')], pop: 'l', L: 2, I: 4, sfx: ['ransomware', 'RaaS', 'affiliates'],
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
    k: 'cactus', n: 'Cactus', al: ['Cactus ransomware'], ty: ['Catcus', 'CACTUS'], c: 'ransomware', ac: [],
    act: [], mw: [], cve: ['CVE-2023-41265', 'CVE-2023-41266', 'CVE-2023-48365'], t: ['T1486', 'T1190', 'T1027', 'T1219'],
    s: ['manufacturing', 'technology'], r: ['US', 'EU', 'GLOBAL'],
    notes: [
      'Exploited Qlik Sense vulnerabilities (CVE-2023-41265, CVE-2023-41266, CVE-2023-48365) for initial access.',
      'Encrypts its own binary to evade detection.',
    ],
    refs: [], pop: 'l', L: 2, I: 3, sfx: ['ransomware'],
  },
  {
    k: 'dragonforce', n: 'DragonForce', al: ['DragonForce ransomware'], ty: ['Dragon Force', 'DragonFroce'], c: 'ransomware', ac: ['crime-as-a-service'],
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
    k: 'phobos', n: 'Phobos', al: ['Phobos ransomware'], xal: ['Backmydata', 'Devos', 'Eking', 'Faust', '8Base'], ty: ['Phobus', 'Phobo'], c: 'ransomware', ac: ['crime-as-a-service'],
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
    refs: [MITRE_S('S0483')], pop: 'l', L: 2, I: 3, sfx: ['malware', 'loader'],
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
    refs: [MITRE_S('S0266')], pop: 'l', L: 1, I: 3, sfx: ['malware', 'trojan'],
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
    refs: [], pop: 'l', L: 2, I: 2, sfx: ['infostealer', 'malware'],
  },
  {
    k: 'raccoon', n: 'Raccoon Stealer', short: 'Raccoon', al: ['Raccoon', 'RecordBreaker'], ty: ['Racoon Stealer', 'Raccon'], c: 'malware', ac: ['data-theft'], kind: 'stealer',
    act: [], mw: ['Raccoon Stealer'], cve: [], t: ['T1555.003', 'T1539', 'T1005'], s: ['citizens'], r: ['GLOBAL'],
    notes: [
      'Infostealer-as-a-service; version 2, also called RecordBreaker, appeared in 2022.',
      'A Ukrainian operator was arrested in 2022 and later sentenced in the United States.',
    ],
    refs: [], pop: 'l', L: 1, I: 2, sfx: ['infostealer'],
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
    refs: [], pop: 'l', L: 2, I: 3, sfx: ['malware', 'loader', 'campaigns'],
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
    refs: [], pop: 'l', L: 2, I: 4, sfx: ['spyware'],
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
    refs: [MITRE_G('G0034')], pop: 'm', L: 3, I: 5, sfx: ['sabotage', 'destructive attacks', 'operations', 'activity'],
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
    refs: [], pop: 'm', L: 3, I: 4, sfx: ['telecom intrusions', 'activity', 'espionage'],
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
    refs: [], pop: 'l', L: 2, I: 2, sfx: ['DDoS attacks', 'hacktivists'],
  },
  {
    k: 'anonymous-sudan', n: 'Anonymous Sudan', al: ['Storm-1359'], xal: [], ty: ['Anonymus Sudan', 'Anonymous Soudan'], c: 'ddos', ac: ['hacktivism'], kind: 'hacktivist',
    act: [], mw: [], cve: [], t: ['T1498', 'T1499.002', 'T1499.003'], s: ['technology', 'government', 'healthcare'], r: ['GLOBAL', 'US', 'IL', 'SE'],
    notes: [
      'Hacktivist-branded group that ran large Layer 7 DDoS attacks, including against Microsoft services in 2023.',
      'Two Sudanese nationals were charged in the United States in October 2024.',
    ],
    refs: [], pop: 'l', L: 1, I: 2, sfx: ['DDoS attacks', 'Layer 7 DDoS'],
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
    refs: [], pop: 'l', L: 1, I: 2, sfx: ['phishing kit', 'phishing-as-a-service'],
  },
  {
    k: 'labhost', n: 'LabHost', al: ['Labhost'], xal: [], ty: ['Lab Host', 'LabHosts'], c: 'crime-as-a-service', ac: ['phishing'], kind: 'phaas',
    act: [], mw: ['LabRat'], cve: [], t: ['T1566.002', 'T1056.003', 'T1111', 'T1583.001'], s: ['finance', 'citizens', 'logistics'], r: ['CA', 'GB', 'US', 'IE'],
    notes: [
      'Phishing-as-a-service platform selling bank and postal-service kits with the LabRat real-time MFA interception tool.',
      'Taken down in April 2024 by the Metropolitan Police and international partners; thousands of users were identified.',
    ],
    refs: [], pop: 'l', L: 1, I: 3, sfx: ['phishing platform', 'PhaaS', 'phishing-as-a-service'],
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
    refs: [], pop: 'l', L: 3, I: 3, sfx: ['AiTM phishing', 'phishing-as-a-service', 'reverse-proxy phishing'],
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
    refs: [], pop: 'l', L: 1, I: 3, sfx: ['marketplace', 'market', 'bot market'],
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
    t: ['T1566.002', 'T1583.001'], s: ['citizens', 'logistics'], r: ['GB', 'NL', 'DE', 'EU', 'IE'], pop: 'm', L: 5, I: 2,
  },
  {
    k: 'sextortion-email', c: 'online-fraud', ac: ['cryptocurrency-crime'], fam: 'fraud',
    titles: ['Sextortion email spam', 'Bitcoin sextortion scam emails', 'Fake "webcam hacked" extortion mails', 'Mass sextortion emails quoting leaked passwords'],
    sums: [
      'Mass-mailed messages claim the sender has hacked the recipient\'s webcam and demand bitcoin, often quoting an old leaked password to seem credible.',
      'Bulk extortion emails without any real compromise; a share of recipients still pay out of fear.',
    ],
    t: [], s: ['citizens'], r: ['EU', 'GLOBAL', 'NL', 'DE'], pop: 'l', L: 4, I: 1,
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
    t: ['T1566.002', 'T1078.004', 'T1114.003'], s: ['government', 'education', 'smes', 'healthcare'], r: ['EU', 'GLOBAL', 'NL', 'DE'], pop: 'm', L: 5, I: 2,
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
    t: ['T1566.002', 'T1583.001'], s: ['citizens', 'government'], r: ['EU', 'NL', 'BE', 'GB', 'FR'], pop: 'l', L: 3, I: 2,
  },
];
