#!/usr/bin/env node
// Synthetic corpus generator for the threatmerge benchmark.
//
//   node bench/generate.mjs --entries 100000 --partners 100 --format json --seed 42 --out bench/out/100k-json
//   node bench/generate.mjs --files 1000 --entries-per-file 20 --format json --seed 42 --out bench/out/files-1000x20
//
// Writes one valid submission per partner (<partner-id>.json or .yaml), truth.json (the true
// groups: {groups: {threatKey: ["partner/entry-id", ...]}, named: [threatKey, ...]}), a
// .threatmergeignore so that `threatmerge validate|merge <dir>` skips truth.json, and
// .bench-manifest (JSON: parameters, counts, sizes). The corpus is written to a temporary folder
// and renamed into place, so a folder with a manifest is complete. Plain Node 20 ESM, no
// dependencies; all randomness comes from one mulberry32 stream seeded by --seed, so a seed gives identical bytes.
//
// The data is synthetic: pronounceable invented threat names and brands, real-looking but
// generated CVE ids (plus a handful of well-known real ones that many threats share), documentation
// IP ranges and *.example domains. Nothing here describes a real organisation's assessment.
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    const eq = a.indexOf('=');
    if (eq > 0) out[a.slice(2, eq)] = a.slice(eq + 1);
    else if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) out[a.slice(2)] = true;
    else out[a.slice(2)] = argv[++i];
  }
  return out;
}

const USAGE = `usage: node bench/generate.mjs [--entries N --partners P | --files F --entries-per-file E]
                           [--format json|yaml] [--seed S] --out DIR [--quiet]`;

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

class Rng {
  constructor(seed) { this.next = mulberry32(seed >>> 0); }
  float() { return this.next(); }
  int(lo, hi) { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  chance(p) { return this.next() < p; }
  pick(arr) { return arr[Math.floor(this.next() * arr.length)]; }
  /** Standard normal (Box–Muller). */
  normal() {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  /** k distinct elements of arr (k ≤ arr.length), in random order. */
  sample(arr, k) {
    const a = arr.slice();
    const n = Math.min(k, a.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (a.length - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, n);
  }
  shuffle(arr) { return this.sample(arr, arr.length); }
  /** Pick with weights: items [[value, weight], ...]. */
  weighted(items) {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  }
  /** Zipf-like index in [0, n): index i has weight 1/(i+1)^s. */
  zipf(n, s, cdf) {
    const r = this.next() * cdf[n - 1];
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function zipfCdf(n, s) {
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) cdf[i] = acc += 1 / (i + 1) ** s;
  return cdf;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const ONSETS = ['b', 'br', 'c', 'cr', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'kr', 'l', 'm', 'n', 'p', 'pr', 'qu', 'r',
  's', 'sk', 'st', 't', 'tr', 'v', 'vr', 'z', 'x', 'th', 'sh', 'ch', 'gl', 'bl', 'pl', 'sl', 'sn', 'sp', 'w'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'i', 'ae', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', '', '', 'n', 'r', 'l', 'x', 's', 'm', 'k', 'th', 'nd', 'rk', 'lt', 'z'];

const COUNTRIES = {
  AT: 'Austria', BE: 'Belgium', BG: 'Bulgaria', CH: 'Switzerland', CY: 'Cyprus', CZ: 'Czechia', DE: 'Germany', DK: 'Denmark',
  EE: 'Estonia', ES: 'Spain', FI: 'Finland', FR: 'France', GB: 'the United Kingdom', GR: 'Greece', HR: 'Croatia', HU: 'Hungary',
  IE: 'Ireland', IS: 'Iceland', IT: 'Italy', LT: 'Lithuania', LU: 'Luxembourg', LV: 'Latvia', MT: 'Malta', NL: 'the Netherlands',
  NO: 'Norway', PL: 'Poland', PT: 'Portugal', RO: 'Romania', SE: 'Sweden', SI: 'Slovenia', SK: 'Slovakia', UA: 'Ukraine',
  US: 'the United States', CA: 'Canada', AU: 'Australia', JP: 'Japan', KR: 'South Korea', SG: 'Singapore', BR: 'Brazil', IN: 'India',
};
const COUNTRY_CODES = Object.keys(COUNTRIES);
const REGION_EXTRA = ['EU', 'GLOBAL'];

const ORG_KINDS = [
  ['ncsc', 'National Cyber Security Centre'], ['cert', 'National CERT'], ['csirt', 'Government CSIRT'],
  ['police-cyber', 'Police Cybercrime Division'], ['cybercrime-unit', 'Federal Cybercrime Unit'], ['cyber-centre', 'Cyber Coordination Centre'],
  ['fiu', 'Financial Intelligence Unit'], ['cert-fin', 'Financial Sector CERT'], ['isac', 'Critical Infrastructure ISAC'],
  ['mil-cert', 'Defence CERT'], ['prosecution', 'Cybercrime Prosecution Office'], ['cert-health', 'Health Sector CERT'],
];

const SECTORS = ['healthcare', 'finance', 'banking', 'manufacturing', 'energy', 'government', 'local government', 'education',
  'telecommunications', 'logistics', 'retail', 'e-commerce', 'legal', 'construction', 'transport', 'ports', 'water',
  'defence', 'research', 'media', 'hospitality', 'insurance', 'SMEs', 'citizens', 'IT services', 'managed service providers',
  'public administration', 'automotive', 'pharmaceuticals', 'critical infrastructure', 'aviation', 'agriculture'];

/** Well-known CVEs that many threats exploit; Zipf-weighted, Log4Shell first. */
const HOT_CVES = ['CVE-2021-44228', 'CVE-2023-4966', 'CVE-2024-3400', 'CVE-2023-34362', 'CVE-2024-1709', 'CVE-2021-34527',
  'CVE-2020-1472', 'CVE-2019-19781', 'CVE-2022-41040', 'CVE-2023-20198', 'CVE-2024-21762', 'CVE-2023-46805', 'CVE-2024-21887',
  'CVE-2018-13379', 'CVE-2023-27350', 'CVE-2021-26855', 'CVE-2022-1388', 'CVE-2023-22515', 'CVE-2024-55591', 'CVE-2025-0282'];
const HOT_CVE_CDF = zipfCdf(HOT_CVES.length, 1.1);

const TECHNIQUE_PARENTS = ['T1003', 'T1005', 'T1016', 'T1018', 'T1021', 'T1027', 'T1036', 'T1041', 'T1046', 'T1047', 'T1048',
  'T1053', 'T1055', 'T1057', 'T1059', 'T1068', 'T1070', 'T1071', 'T1078', 'T1082', 'T1083', 'T1087', 'T1090', 'T1098', 'T1105',
  'T1110', 'T1112', 'T1114', 'T1133', 'T1136', 'T1140', 'T1176', 'T1189', 'T1190', 'T1195', 'T1199', 'T1204', 'T1210', 'T1219',
  'T1482', 'T1484', 'T1485', 'T1486', 'T1489', 'T1490', 'T1491', 'T1496', 'T1498', 'T1499', 'T1505', 'T1528', 'T1534', 'T1539',
  'T1547', 'T1550', 'T1553', 'T1555', 'T1556', 'T1557', 'T1560', 'T1562', 'T1566', 'T1567', 'T1569', 'T1570', 'T1583', 'T1584',
  'T1585', 'T1586', 'T1587', 'T1588', 'T1589', 'T1598', 'T1608', 'T1621', 'T1649', 'T1656', 'T1657'];
const TECHNIQUE_CDF = zipfCdf(TECHNIQUE_PARENTS.length, 0.6);

const VECTORS = ['exposed VPN appliances', 'phishing emails with malicious attachments', 'stolen credentials bought from initial access brokers',
  'malvertising', 'fake software updates', 'unpatched edge devices', 'remote desktop services without MFA', 'compromised managed service providers',
  'SEO poisoning', 'fake CAPTCHA pages', 'help-desk impersonation calls', 'Microsoft Teams messages from external tenants', 'trojanised installers',
  'vulnerable file-transfer servers', 'password spraying against cloud accounts', 'infostealer logs'];
const TOOLS = ['Cobalt Strike', 'Sliver', 'Brute Ratel', 'AnyDesk', 'ScreenConnect', 'Rclone', 'Mimikatz', 'Impacket', 'PsExec', 'SystemBC',
  'Havoc', 'Metasploit', 'Ngrok', 'Chisel', 'MEGAsync', 'WinSCP', 'Atera', 'SoftPerfect Network Scanner', 'Advanced IP Scanner', 'Restic'];
const ACTION_TEMPLATES = [
  'Joint advisory on patching the edge devices abused by {N}',
  'Coordinate takedown of {N} infrastructure',
  'Share {N} indicators with all partners in real time',
  'Joint prosecution of identified {N} affiliates',
  'Notify owners of vulnerable systems found by scanning',
  'Awareness campaign for {S} organisations',
  'Exchange victim lists to speed up notification',
  'Coordinate with hosting providers to remove phishing pages',
  'Follow the money: trace cryptocurrency payments linked to {N}',
  'Set up a joint investigation team on {N}',
  'Publish detection rules for the techniques used by {N}',
  'Brief {S} sector regulators on the threat',
];
const BRAND_SUFFIX = {
  bank: ['Bank', 'Bancorp', 'Savings', 'Credit'], pay: ['Pay', 'Wallet', 'Pay'], post: ['Post', 'Parcel', 'Express', 'Logistics'],
  telco: ['Telecom', 'Mobile', 'Connect'], energy: ['Energy', 'Power', 'Utilities'], shop: ['Shop', 'Market', 'Store'],
  gov: ['Tax Office', 'Benefits Agency', 'Toll Service'], crypto: ['Exchange', 'Coin', 'Chain'], game: ['Games', 'Play', 'Arena'],
  cloud: ['Cloud', 'Drive', 'Mail'],
};
const VENDOR_SUFFIX = ['Systems', 'Networks', 'Software', 'Technologies', 'Labs', 'Secure', ''];
const PRODUCTS = ['Gateway', 'Connect Secure', 'Edge VPN', 'File Transfer', 'Mail Server', 'Firewall', 'Remote Access', 'Backup Server',
  'Web Portal', 'Load Balancer', 'Collaboration Server', 'Endpoint Manager', 'SD-WAN Controller', 'Helpdesk', 'ERP Suite'];

// ---------------------------------------------------------------------------------------------
// Names

class NameForge {
  constructor(rng) {
    this.rng = rng;
    this.used = new Set();
    /** Deletion neighbourhoods of every base name: keeps accidental one-edit look-alikes out. */
    this.near = new Set();
  }
  syllable() {
    const r = this.rng;
    return r.pick(ONSETS) + r.pick(VOWELS) + r.pick(CODAS);
  }
  /** A fresh pronounceable word, not within one edit of any earlier one. */
  word(minLen = 5, maxLen = 10) {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const n = this.rng.chance(0.55) ? 2 : 3;
      let w = '';
      for (let i = 0; i < n; i++) w += this.syllable();
      if (w.length < minLen || w.length > maxLen) continue;
      if (/(.)\1\1/.test(w)) continue;
      if (!this.free(w)) continue;
      this.claim(w);
      return w[0].toUpperCase() + w.slice(1);
    }
    throw new Error('name space exhausted');
  }
  free(w) {
    if (this.used.has(w) || this.near.has(w)) return false;
    for (let i = 0; i < w.length; i++) if (this.near.has(w.slice(0, i) + w.slice(i + 1)) || this.used.has(w.slice(0, i) + w.slice(i + 1))) return false;
    return true;
  }
  claim(w) {
    this.used.add(w);
    for (let i = 0; i < w.length; i++) this.near.add(w.slice(0, i) + w.slice(i + 1));
  }
  /** A unique designator such as UNC4821, Storm-0815, TA582 or DEV-1204 (about 130,000 possible). */
  designator() {
    const r = this.rng;
    for (let attempt = 0; ; attempt++) {
      const kind = r.int(0, 3);
      const d = kind === 0 ? `UNC${r.int(100, 99999)}` : kind === 1 ? `Storm-${String(r.int(1, 9999)).padStart(4, '0')}`
        : kind === 2 ? `TA${r.int(100, 9999)}` : `DEV-${String(r.int(1, 9999)).padStart(4, '0')}`;
      if (!this.used.has(d)) {
        this.used.add(d);
        return d;
      }
      if (attempt > 50) {
        // The space is crowded (millions of entries): count on from a fresh range instead.
        this.serial = (this.serial ?? 99999) + 1;
        const s = `UNC${this.serial}`;
        if (!this.used.has(s)) {
          this.used.add(s);
          return s;
        }
      }
    }
  }
}

const KEYBOARD = { a: 'qs', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k', m: 'n', n: 'bm',
  o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc', y: 'tu', z: 'x' };

/** A one-letter typo inside a name (never touching its first letter). */
function typo(rng, name) {
  const letters = [];
  for (let i = 1; i < name.length; i++) if (/[a-z]/.test(name[i])) letters.push(i);
  if (letters.length < 3) return name;
  const i = rng.pick(letters);
  const c = name[i];
  switch (rng.int(0, 3)) {
    case 0: return name.slice(0, i) + name.slice(i + 1); // deletion
    case 1: return name.slice(0, i) + c + name.slice(i); // doubled letter
    case 2: return name.slice(0, i) + rng.pick(KEYBOARD[c] ?? 'e') + name.slice(i + 1); // neighbour key
    default: return i + 1 < name.length && /[a-z]/.test(name[i + 1]) && name[i + 1] !== c ? name.slice(0, i) + name[i + 1] + c + name.slice(i + 2) : name.slice(0, i) + name.slice(i + 1); // swap
  }
}

// ---------------------------------------------------------------------------------------------
// Threat pool

const NAMED_KINDS = [
  // [weight, category, make(base) -> {name, noun}]
  [28, 'ransomware'], [18, 'malware'], [13, 'espionage'], [6, 'hacktivism'], [5, 'crime-as-a-service'], [5, 'data-theft'],
  [5, 'phishing'], [4, 'dark-web-market'], [4, 'ddos'], [3, 'cryptocurrency-crime'], [3, 'supply-chain-compromise'],
  [3, 'business-email-compromise'], [3, 'online-fraud'],
];
const ACTOR_SUFFIX = ['Spider', 'Bear', 'Panda', 'Kitten', 'Typhoon', 'Blizzard', 'Tempest', 'Sleet', 'Chollima', 'Jackal', 'Leopard'];
const MALWARE_SUFFIX = ['Loader', 'Stealer', 'Bot', 'RAT', 'Gate', 'Loader', 'Stealer'];
const RANSOM_SUFFIX = ['Locker', 'Crypt', 'Lock'];

const NOUNS = {
  ransomware: ['ransomware', 'RaaS', 'ransomware group', 'ransomware operation', 'ransomware-as-a-service'],
  malware: ['loader', 'botnet', 'malware', 'infostealer', 'remote access trojan'],
  espionage: ['espionage group', 'APT group', 'state-sponsored actor', 'intrusion set'],
  hacktivism: ['hacktivist group', 'hacktivists', 'DDoS collective'],
  'crime-as-a-service': ['crimeware service', 'malware-as-a-service', 'access broker'],
  'data-theft': ['data extortion group', 'extortion crew', 'data-theft operation'],
  phishing: ['phishing-as-a-service platform', 'phishing kit', 'phishing operation'],
  'dark-web-market': ['darknet market', 'dark web marketplace', 'carding shop'],
  ddos: ['DDoS botnet', 'booter service', 'DDoS-for-hire service'],
  'cryptocurrency-crime': ['crypto drainer', 'mixing service', 'crypto laundering network'],
  'supply-chain-compromise': ['supply-chain campaign', 'software supply-chain attack'],
  'business-email-compromise': ['BEC group', 'BEC network'],
  'online-fraud': ['fraud network', 'scam compound network', 'fraud operation'],
};

/** Unnamed schemes: a kind of crime about a (synthetic) brand, product or platform. */
const SCHEMES = [
  { id: 'smishing', category: 'phishing', brand: ['bank', 'post', 'gov', 'telco'], t: ['T1566.002', 'T1598.003', 'T1656'],
    titles: ['Smishing impersonating {B}', 'SMS phishing using {B} branding', '{B}-themed smishing', 'Fake {B} text messages',
      'Text message phishing abusing the {B} brand', 'Smishing waves posing as {B}'] },
  { id: 'bank-impersonation', category: 'online-fraud', brand: ['bank'], t: ['T1656', 'T1566.004'],
    titles: ['Vishing by fake {B} employees', 'Bank helpdesk fraud impersonating {B}', 'Fake {B} advisers calling customers',
      'Safe account scam in the name of {B}', 'Phone fraud posing as {B} staff'] },
  { id: 'investment', category: 'online-fraud', brand: ['crypto', 'bank', 'pay'], t: ['T1583.001', 'T1585.001', 'T1656'],
    titles: ['Fake investment platform {B}', '{B} crypto investment scam', 'Investment fraud using the fake {B} trading platform',
      'Cyber-trading fraud via {B}', 'Fraudulent {B} trading app'] },
  { id: 'bec', category: 'business-email-compromise', brand: ['energy', 'shop', 'telco', 'post'], t: ['T1114.003', 'T1534', 'T1566.001', 'T1656'],
    titles: ['CEO fraud impersonating {B} executives', 'Business email compromise in the name of {B}', 'Fake {B} executive emails',
      'BEC targeting {B} suppliers', 'Executive impersonation of {B} management'] },
  { id: 'invoice', category: 'payment-fraud', brand: ['energy', 'telco', 'shop', 'post'], t: ['T1114.003', 'T1534'],
    titles: ['Invoice redirection fraud using {B} invoices', 'Payment diversion with fake {B} bills', 'Fake {B} invoices with changed bank details',
      'Mandate fraud posing as {B}', 'Invoice fraud abusing the {B} brand'] },
  { id: 'vuln', category: 'vulnerability-exploitation', product: true, t: ['T1190', 'T1505.003', 'T1133'],
    titles: ['Exploitation of {P}', '{P} vulnerabilities ({C})', '{C} in {P}', 'Mass exploitation of {P} appliances',
      '{P} zero-days', 'Attacks on unpatched {P} ({C})', '{P} remote code execution'] },
  { id: 'supply', category: 'supply-chain-compromise', product: true, t: ['T1195.002', 'T1195.001', 'T1199'],
    titles: ['Compromised {P} updates', 'Supply-chain compromise of {P}', 'Backdoored {P} releases', 'Trojanised {P} installer',
      'Malicious update pushed through {P}'] },
  { id: 'ddos', category: 'ddos', brand: ['bank', 'gov', 'telco', 'energy'], t: ['T1498', 'T1499.002'],
    titles: ['DDoS attacks against {B}', 'Booter attacks on {B} online services', 'Denial of service against {B} websites',
      'DDoS extortion of {B}', 'Recurring DDoS on {B} portals'] },
  { id: 'leak', category: 'data-theft', brand: ['shop', 'telco', 'energy', 'cloud', 'game'], t: ['T1567', 'T1530', 'T1078'],
    titles: ['Sale of {B} customer data on dark web forums', '{B} data breach', 'Leaked {B} customer database', 'Theft of {B} customer records',
      'Extortion over stolen {B} data'] },
  { id: 'techsupport', category: 'online-fraud', brand: ['cloud', 'telco'], t: ['T1219', 'T1656'],
    titles: ['Tech support scams impersonating {B}', 'Fake {B} support calls', 'Fake {B} helpdesk pop-ups', 'Remote-access fraud posing as {B} support'] },
  { id: 'fakeshop', category: 'online-fraud', brand: ['shop', 'game'], t: ['T1583.001', 'T1585.001'],
    titles: ['Fake webshops copying {B}', 'Counterfeit {B} online stores', 'Fraudulent shops using the {B} name', 'Fake {B} discount sites'] },
  { id: 'drainer', category: 'cryptocurrency-crime', brand: ['crypto', 'pay'], t: ['T1566.002', 'T1656', 'T1657'],
    titles: ['Wallet drainer targeting {B} users', 'Crypto drainer phishing for {B} wallets', 'Fake {B} airdrop draining wallets', '{B} wallet-draining campaign'] },
  { id: 'ato', category: 'online-fraud', brand: ['game', 'cloud', 'shop', 'pay'], t: ['T1110.004', 'T1078', 'T1539'],
    titles: ['Account takeover of {B} accounts', 'Credential stuffing against {B}', '{B} account hijacking', 'Takeover of {B} customer accounts'] },
  { id: 'grooming', category: 'child-sexual-exploitation', brand: ['game'], t: ['T1585.001'],
    titles: ['Grooming of minors on the {B} gaming platform', 'Child exploitation via {B} chat', 'Abuse of {B} to contact minors',
      'Online grooming through {B} games'] },
  { id: 'insider', category: 'insider-threat', brand: ['bank', 'telco', 'energy'], t: ['T1078', 'T1567', 'T1005'],
    titles: ['Insiders selling access at {B}', 'Bribed {B} employees enabling SIM swaps', 'Insider data theft at {B}', 'Recruitment of {B} insiders on Telegram'] },
  { id: 'qr', category: 'phishing', brand: ['pay', 'gov', 'post'], t: ['T1566.002', 'T1204.001'],
    titles: ['QR code phishing using {B} branding', 'Quishing posing as {B}', 'Fake {B} QR codes on parking meters', '{B}-themed QR phishing'] },
];

const NAMED_TEMPLATES = {
  common: ['{N}', '{N}', '{N} {noun}', '{N} {noun}', 'Activity of the {N} {group}', '{N} operations against {S}', '{N} ({A})', '{A} / {N}',
    '{N} targeting {S}', '{N} 2.0', 'Ongoing {N} campaigns'],
  ransomware: ['{N} ransomware affiliates', '{N} ransomware', '{N} double-extortion attacks', '{N} RaaS', '{N} ransomware targeting {S}',
    '{N} affiliates exploiting {V}'],
  malware: ['{N} distribution via {V}', '{N} malware campaigns', '{N} infections in {S}'],
  espionage: ['{N} cyber espionage', '{N} intrusions into {S} networks', '{N} espionage against {S}', 'State-sponsored {N} intrusions'],
  hacktivism: ['{N} DDoS campaigns', 'Pro-Russian hacktivists {N}', '{N} hacktivist attacks on {S}'],
  'data-theft': ['{N} data extortion', '{N} mass data theft', '{N} extortion campaigns'],
};

function capital(s) { return s[0].toUpperCase() + s.slice(1); }

class World {
  constructor(rng, threatCount) {
    this.rng = rng;
    this.forge = new NameForge(rng);
    this.threats = [];
    this.cveUsed = new Set(HOT_CVES);
    this.domainUsed = new Set();
    this.ipUsed = new Set();
    this.threatCount = threatCount;
    this.brands = [];
  }

  cve() {
    for (;;) {
      const y = this.rng.int(2019, 2026);
      const n = this.rng.chance(0.7) ? this.rng.int(10000, 59999) : this.rng.int(1000, 9999);
      const id = `CVE-${y}-${n}`;
      if (this.cveUsed.has(id)) continue;
      this.cveUsed.add(id);
      return id;
    }
  }

  technique() {
    const parent = TECHNIQUE_PARENTS[this.rng.zipf(TECHNIQUE_PARENTS.length, 0.6, TECHNIQUE_CDF)];
    return this.rng.chance(0.35) ? `${parent}.${String(this.rng.int(1, 12)).padStart(3, '0')}` : parent;
  }

  indicator() {
    const r = this.rng;
    const kind = r.weighted([['domain', 45], ['url', 15], ['ipv4', 15], ['ipv6', 10], ['sha256', 10], ['email', 5]]);
    const word = () => this.forge.syllable() + this.forge.syllable();
    switch (kind) {
      case 'ipv4': {
        const net = r.pick(['192.0.2', '198.51.100', '203.0.113']);
        return { type: 'ipv4', value: `${net}.${r.int(1, 254)}` };
      }
      case 'ipv6':
        return { type: 'ipv6', value: `2001:db8:${r.int(1, 0xffff).toString(16)}::${r.int(1, 0xffff).toString(16)}` };
      case 'sha256': {
        let h = '';
        for (let i = 0; i < 8; i++) h += Math.floor(r.float() * 0x100000000).toString(16).padStart(8, '0');
        return { type: 'sha256', value: h };
      }
      case 'email':
        return { type: 'email', value: `${r.pick(['billing', 'support', 'accounts', 'security', 'noreply', 'hr'])}@${word()}-${r.pick(['mail', 'payments', 'secure', 'portal'])}.example` };
      case 'url':
        return { type: 'url', value: `https://${word()}-${r.pick(['cdn', 'update', 'login', 'files', 'verify'])}.example/${word()}/${r.int(1, 9999)}` };
      default:
        return { type: 'domain', value: `${word()}-${r.pick(['update', 'login', 'secure', 'cdn', 'verify', 'portal', 'sync', 'api'])}.example` };
    }
  }

  brand(kinds) {
    const kind = this.rng.pick(kinds);
    // A tenth of schemes reuse an existing brand: different threats that share a distinctive word.
    if (this.brands.length > 10 && this.rng.chance(0.1)) {
      const b = this.rng.pick(this.brands);
      if (kinds.includes(b.kind)) return b.name;
    }
    const name = `${this.forge.word(4, 9)} ${this.rng.pick(BRAND_SUFFIX[kind])}`;
    this.brands.push({ name, kind });
    return name;
  }

  product() {
    const vendor = `${this.forge.word(4, 9)}${this.rng.chance(0.5) ? '' : ` ${this.rng.pick(VENDOR_SUFFIX)}`}`.trim();
    return `${vendor} ${this.rng.pick(PRODUCTS)}`;
  }

  /** Common profile fields of a threat. */
  profile(t, techniquesSeed = []) {
    const r = this.rng;
    const techniques = new Set(techniquesSeed);
    const nTech = r.int(3, 8);
    while (techniques.size < nTech) techniques.add(this.technique());
    t.techniques = [...techniques];
    t.sectors = r.sample(SECTORS, r.int(2, 5));
    const regions = new Set();
    const nReg = r.int(2, 6);
    while (regions.size < nReg) regions.add(r.chance(0.15) ? r.pick(REGION_EXTRA) : r.pick(COUNTRY_CODES));
    t.regions = [...regions];
    t.indicators = [];
    const nInd = r.weighted([[0, 30], [1, 25], [2, 25], [3, 12], [4, 8]]);
    for (let i = 0; i < nInd; i++) t.indicators.push(this.indicator());
    t.refs = [];
    const nRef = r.int(0, 3);
    for (let i = 0; i < nRef; i++) t.refs.push(`https://${r.pick(['advisories', 'blog', 'research', 'intel'])}.${this.forge.syllable()}${this.forge.syllable()}.example/${r.int(2023, 2026)}/${t.slug}-${r.int(1, 999)}`);
    t.L = r.int(1, 5);
    t.I = r.int(2, 5);
    t.vectors = r.sample(VECTORS, 3);
    t.tools = r.sample(TOOLS, r.int(1, 3));
  }

  makeNamed(sibling) {
    const r = this.rng;
    const category = sibling ? sibling.category : r.weighted(NAMED_KINDS.map(([w, c]) => [c, w]));
    const t = { key: '', named: true, category, aliases: [], actors: [], malware: [], cves: [] };
    let base;
    let name;
    if (sibling) {
      // Hard negative: same base word, different threat ("Vortalix" vs "VortalixLocker").
      base = sibling.base;
      const suffixed = sibling.name !== sibling.base;
      if (suffixed) name = base; // the sibling is "VortalixLocker": this one is plain "Vortalix"
      else if (category === 'espionage') name = `${base} ${r.pick(ACTOR_SUFFIX)}`;
      else if (category === 'malware') name = `${base}${r.pick(['Bot', 'RAT', 'Gate'])}`;
      else name = `${base}${r.pick(RANSOM_SUFFIX)}`;
      if (name === sibling.name) name = `${base}${r.pick(['Locker', 'Crypt'])}`;
    } else {
      base = this.forge.word();
      switch (category) {
        case 'ransomware': name = r.chance(0.3) ? `${base}${r.pick(RANSOM_SUFFIX)}` : base; break;
        case 'malware': name = r.chance(0.45) ? `${base}${r.pick(MALWARE_SUFFIX)}` : base; break;
        case 'espionage': name = r.chance(0.6) ? `${base} ${r.pick(ACTOR_SUFFIX)}` : base; break;
        case 'hacktivism': name = r.chance(0.5) ? `${base}${r.pick(['Sec', 'Net', 'Army'])}` : base; break;
        case 'dark-web-market': name = `${base} Market`; break;
        default: name = base;
      }
    }
    t.base = base;
    t.name = name;
    t.slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    // Aliases: 0–4, mixing versions, other invented names and designators.
    const nAlias = r.weighted([[0, 20], [1, 30], [2, 25], [3, 15], [4, 10]]);
    for (let i = 0; i < nAlias; i++) {
      const kind = r.weighted([['version', 25], ['other', 45], ['designator', 30]]);
      let a;
      if (kind === 'version') a = r.pick([`${name} ${r.int(2, 5)}.0`, `${name} Black`, `${name} v${r.int(2, 4)}`, `${name} NG`, `${name} Reloaded`]);
      else if (kind === 'other') a = category === 'espionage' && r.chance(0.6) ? `${this.forge.word()} ${r.pick(ACTOR_SUFFIX)}` : this.forge.word();
      else a = this.forge.designator();
      if (!t.aliases.includes(a) && a !== name) t.aliases.push(a);
    }
    if (category === 'espionage' || r.chance(0.25)) t.actors.push(this.forge.designator());
    if (r.chance(0.3)) t.actors.push(`${this.forge.word()} ${r.pick(ACTOR_SUFFIX)}`);
    if (category === 'ransomware' || category === 'malware' || r.chance(0.3)) {
      // Own tooling plus common off-the-shelf tools that many threats share.
      if (r.chance(0.5)) t.malware.push(`${this.forge.word()}${r.pick(['', 'Loader', 'Exfil', 'RAT'])}`);
      for (const tool of r.sample(TOOLS, r.int(0, 2))) t.malware.push(tool);
    }
    // CVEs: hot ones shared by many threats, plus a few of its own; siblings share one.
    const nHot = r.weighted([[0, 45], [1, 35], [2, 20]]);
    for (let i = 0; i < nHot; i++) {
      const c = HOT_CVES[r.zipf(HOT_CVES.length, 1.1, HOT_CVE_CDF)];
      if (!t.cves.includes(c)) t.cves.push(c);
    }
    const nOwn = r.weighted([[0, 40], [1, 30], [2, 20], [3, 10]]);
    for (let i = 0; i < nOwn; i++) t.cves.push(this.cve());
    if (sibling && sibling.cves.length > 0 && r.chance(0.7)) {
      const c = r.pick(sibling.cves);
      if (!t.cves.includes(c)) t.cves.push(c);
    }
    this.profile(t);
    t.noun = NOUNS[category] ?? ['group'];
    return t;
  }

  makeScheme() {
    const r = this.rng;
    const s = r.pick(SCHEMES);
    const t = { key: '', named: false, category: s.category, scheme: s, aliases: [], actors: [], malware: [], cves: [] };
    if (s.product) {
      t.subject = this.product();
      const n = s.id === 'vuln' ? r.int(1, 3) : r.int(0, 1);
      for (let i = 0; i < n; i++) t.cves.push(this.cve());
      if (s.id === 'vuln' && r.chance(0.15)) t.cves.push(HOT_CVES[r.zipf(HOT_CVES.length, 1.1, HOT_CVE_CDF)]);
    } else {
      t.subject = this.brand(s.brand);
    }
    t.slug = `${s.id}-${t.subject.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    this.profile(t, r.sample(s.t, r.int(1, s.t.length)));
    return t;
  }

  build() {
    const r = this.rng;
    let named = 0;
    while (this.threats.length < this.threatCount) {
      const isNamed = r.chance(0.75);
      let t;
      if (isNamed) {
        // About one named threat in twenty gets a look-alike sibling right after it.
        const last = this.threats[this.threats.length - 1];
        if (last && last.named && !last.hasSibling && r.chance(0.06)) {
          t = this.makeNamed(last);
          last.hasSibling = true;
          t.hasSibling = true;
        } else t = this.makeNamed();
        named++;
      } else t = this.makeScheme();
      t.key = `${t.named ? 'n' : 'u'}${String(this.threats.length + 1).padStart(7, '0')}-${t.slug}`.slice(0, 60);
      this.threats.push(t);
    }
    return named;
  }
}

// ---------------------------------------------------------------------------------------------
// Partners and assignment

function makePartners(rng, n, forge) {
  const used = new Set();
  const partners = [];
  for (let i = 0; i < n; i++) {
    let id;
    let kind;
    let cc;
    for (let attempt = 0; ; attempt++) {
      cc = rng.pick(COUNTRY_CODES);
      kind = rng.pick(ORG_KINDS);
      id = `${cc.toLowerCase()}-${kind[0]}`;
      if (attempt > 20 || used.has(id)) id = `${id}-${rng.int(2, 999)}`;
      if (!used.has(id) && id.length <= 32) break;
    }
    used.add(id);
    const prefix = rng.weighted([['upper', 40], ['short', 25], ['T', 15], ['year', 20]]);
    const code = id.replace(/-/g, '').slice(0, 6).toUpperCase();
    partners.push({
      id,
      name: `${COUNTRIES[cc].replace(/^the /, '')} ${kind[1]}${/-\d+$/.test(id) ? ` ${id.split('-').pop()}` : ''} (synthetic)`,
      country: cc,
      reliability: rng.weighted([['A', 10], ['B', 45], ['C', 35], ['D', 5], ['F', 5], [undefined, 10]]),
      tlp: rng.weighted([['green', 50], ['amber', 32], ['TLP:GREEN', 6], ['TLP:AMBER', 4], ['clear', 4], [undefined, 4]]),
      idStyle: prefix,
      code,
      rankPolicy: rng.weighted([['all', 35], ['top', 25], ['none', 40]]),
      issued: `2026-${String(rng.int(1, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      period: rng.pick(['2026-H1', '2026-H2', '2026-Q3', '2026-Q4', '2026', undefined]),
      typoRate: rng.pick([0.02, 0.05, 0.1, 0.15]),
      aliasRate: rng.pick([0.2, 0.5, 0.8]),
      yamlSummaryFolded: rng.chance(0.6),
      capacity: 0,
      entries: [],
    });
  }
  return partners;
}

/**
 * How many partners report each threat: log-normal, mean ≈ 8 (some by one, many by a handful,
 * a few by most partners), then adjusted to the partners' capacities.
 */
function assign(rng, world, partners, total) {
  const threats = world.threats;
  const n = partners.length;
  const mean = total / threats.length;
  const sigma = 1.05;
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  const raw = threats.map(() => Math.exp(mu + sigma * rng.normal()));
  const scale = total / raw.reduce((s, x) => s + Math.max(1, Math.min(n, x)), 0);
  const want = raw.map((x) => Math.max(1, Math.min(n, Math.round(x * scale))));
  // Popular threats first, so they can still find enough partners with room.
  const order = threats.map((_, i) => i).sort((a, b) => want[b] - want[a] || a - b);
  const cap = partners.map((p) => p.capacity);
  let remaining = total;
  const assigned = threats.map(() => []);
  for (const ti of order) {
    if (remaining === 0) break;
    let k = Math.min(want[ti], remaining);
    // Efraimidis–Spirakis: sample partners without replacement, weighted by remaining capacity.
    const keys = [];
    for (let p = 0; p < n; p++) if (cap[p] > 0) keys.push([Math.log(1 - rng.float()) / cap[p], p]);
    keys.sort((a, b) => b[0] - a[0]);
    k = Math.min(k, keys.length);
    for (let x = 0; x < k; x++) {
      const p = keys[x][1];
      cap[p]--;
      assigned[ti].push(p);
    }
    remaining -= k;
  }
  // Left-over room (rounding): fill it with threats reported by a single partner.
  for (let p = 0; p < n; p++) {
    while (cap[p] > 0) {
      const t = rng.chance(0.75) ? world.makeNamed() : world.makeScheme();
      t.key = `${t.named ? 'n' : 'u'}${String(threats.length + 1).padStart(7, '0')}-${t.slug}`.slice(0, 60);
      threats.push(t);
      assigned.push([p]);
      cap[p]--;
    }
  }
  threats.forEach((t, ti) => { t.partners = assigned[ti]; });
}

// ---------------------------------------------------------------------------------------------
// Entries

function fill(template, vars) {
  return template.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
}

function entryFor(rng, world, t, partner) {
  const sector = rng.pick(t.sectors);
  const vector = rng.pick(t.vectors);
  let title;
  let displayName;
  let aliases = [];
  if (t.named) {
    // Which name this partner knows the threat by.
    const alias = t.aliases.length > 0 ? rng.pick(t.aliases) : undefined;
    displayName = alias && rng.chance(0.15) ? alias : t.name;
    if (rng.chance(partner.typoRate)) displayName = typo(rng, displayName);
    const pool = [...NAMED_TEMPLATES.common, ...(NAMED_TEMPLATES[t.category] ?? [])];
    let tpl = rng.pick(pool);
    const other = t.aliases.filter((a) => a !== displayName);
    if (tpl.includes('{A}') && other.length === 0) tpl = '{N} {noun}';
    if (tpl === '{N} 2.0' && displayName !== t.name) tpl = '{N}';
    title = fill(tpl, {
      N: displayName, A: rng.pick(other.length ? other : [t.name]), noun: rng.pick(t.noun), S: sector,
      V: vector, group: t.category === 'malware' ? 'botnet' : 'group',
    }).replace(/\s+/g, ' ').trim();
    if (title.length > 300) title = title.slice(0, 300);
    // Aliases listed: a partner-dependent share of the known ones, sometimes the main name too.
    if (rng.chance(partner.aliasRate)) {
      aliases = t.aliases.filter(() => rng.chance(0.6));
      if (displayName !== t.name && rng.chance(0.7)) aliases.unshift(t.name);
      aliases = aliases.slice(0, 4);
    }
  } else {
    const c = t.cves.length > 0 ? rng.pick(t.cves) : '';
    let tpl = rng.pick(t.scheme.titles);
    if (tpl.includes('{C}') && !c) tpl = 'Exploitation of {P}';
    title = fill(tpl, { B: t.subject, P: t.subject, C: c }).replace(/\s+/g, ' ').trim();
    title = capital(title);
  }

  const e = { title, category: t.category };
  // Now and then a partner files a threat under a neighbouring category.
  if (rng.chance(0.06)) e.category = rng.pick(t.named ? ['crime-as-a-service', 'malware', 'data-theft', 'other'] : ['online-fraud', 'phishing', 'other']);
  e.likelihood = clamp(t.L + rng.int(-1, 1), 1, 5);
  e.impact = clamp(t.I + rng.int(-1, 1), 1, 5);
  if (rng.chance(0.45)) e.confidence = 5 * rng.int(8, 19);
  if (rng.chance(0.4)) e.trend = rng.pick(['increasing', 'stable', 'decreasing', 'increasing']);
  if (rng.chance(0.25)) e.credibility = rng.chance(0.7) ? rng.int(1, 4) : String(rng.int(1, 4));
  if (rng.chance(0.1)) e.tlp = rng.weighted([['amber', 55], ['green', 20], ['amber+strict', 15], ['red', 5], ['clear', 5]]);
  e.summary = summary(rng, t, displayName ?? t.subject, sector, vector);
  if (aliases.length > 0) e.aliases = aliases;
  if (t.actors.length > 0 && rng.chance(0.4)) e.actors = t.actors.filter(() => rng.chance(0.7));
  if (t.malware.length > 0 && rng.chance(0.4)) e.malware = t.malware.filter(() => rng.chance(0.7));
  if (e.actors && e.actors.length === 0) delete e.actors;
  if (e.malware && e.malware.length === 0) delete e.malware;
  const nCve = Math.min(t.cves.length, rng.weighted([[0, 30], [1, 35], [2, 22], [3, 13]]));
  if (nCve > 0) e.cves = rng.sample(t.cves, nCve);
  const tech = rng.sample(t.techniques, rng.int(1, Math.min(5, t.techniques.length)));
  if (rng.chance(0.1)) {
    const extra = world.technique();
    if (!tech.includes(extra)) tech.push(extra);
  }
  e.techniques = tech.slice(0, 5);
  const sectors = rng.sample(t.sectors.filter((x) => x !== sector), rng.int(0, Math.min(2, t.sectors.length - 1)));
  e.sectors = rng.chance(0.5) ? [sector, ...sectors] : [...sectors, sector];
  const regions = rng.sample(t.regions, rng.int(1, Math.min(4, t.regions.length)));
  if (rng.chance(0.3) && !regions.includes(partner.country) && regions.length < 4) regions.unshift(partner.country);
  e.regions = regions;
  const nInd = Math.min(t.indicators.length, rng.weighted([[0, 55], [1, 30], [2, 15]]));
  if (nInd > 0) e.indicators = rng.sample(t.indicators, nInd);
  const nAct = rng.weighted([[0, 45], [1, 30], [2, 17], [3, 8]]);
  if (nAct > 0) e.actions = rng.sample(ACTION_TEMPLATES, nAct).map((a) => fill(a, { N: t.named ? t.name : t.subject, S: sector }));
  const nRef = Math.min(2, rng.weighted([[0, 45], [1, 40], [2, 15]]));
  if (nRef > 0) {
    const refs = rng.sample(t.refs, Math.min(nRef, t.refs.length));
    if (refs.length < nRef) refs.push(`https://cert.${partner.country.toLowerCase()}.example/advisories/2026-${rng.int(100, 999)}`);
    e.references = refs;
  }
  return e;
}

function clamp(x, lo, hi) { return Math.max(lo, Math.min(hi, x)); }

const SUMMARY = {
  named: [
    '{N} remains active against {S} organisations in {R}, with initial access through {V}.',
    'Operators behind {N} rely on {T} for lateral movement before {GOAL}.',
    'Reporting this period shows {TREND} activity by {N}, mostly against {S}.',
    '{N} gains a foothold via {V} and moves quickly, often within hours.',
    'Victims in {R} include {S} organisations; several incidents were handled jointly with partners.',
    'The group behind {N} advertises on criminal forums and recruits affiliates with a revenue share.',
    'Law-enforcement pressure has not stopped {N}; infrastructure was rebuilt within weeks.',
    'Several intrusions started with {V}, followed by credential theft and {GOAL}.',
  ],
  product: [
    'Attackers exploit internet-facing {B} systems in {R}, often within days of disclosure.',
    'Reporting this period shows {TREND} exploitation of {B}, mostly against {S}.',
    'Compromised {B} systems were later used for {GOAL}.',
    'Many {S} organisations still run unpatched {B} versions.',
    'Partners in {R} see the same access pattern, which points to one actor scanning at scale.',
  ],
  unnamed: [
    'Criminals abuse the {B} brand to deceive victims in {R}.',
    'Reporting this period shows {TREND} numbers of complaints linked to {B}.',
    'Most victims are {S} customers; losses per victim are typically in the thousands of euros.',
    'The infrastructure is rotated weekly and hosted with bulletproof providers.',
    'Campaigns are run by several loosely connected crews rather than one group.',
    'Initial contact often comes through {V}.',
    'Partners in {R} report the same pattern, which suggests one organised network behind it.',
  ],
};
const GOALS = {
  ransomware: 'data exfiltration and encryption', malware: 'delivering follow-on payloads', espionage: 'long-term data collection',
  hacktivism: 'publicising attacks on Telegram', 'data-theft': 'bulk data theft and extortion', default: 'monetising the access',
};

function summary(rng, t, name, sector, vector) {
  const pool = t.named ? SUMMARY.named : t.scheme.product ? SUMMARY.product : SUMMARY.unnamed;
  const n = rng.int(1, 3);
  const parts = rng.sample(pool, n);
  const region = COUNTRIES[rng.pick(t.regions)] ?? (rng.chance(0.5) ? 'Europe' : 'several countries');
  let text = parts.map((p) => fill(p, {
    N: name, B: t.subject ?? name, S: sector, R: region, V: vector, T: rng.pick(t.tools),
    GOAL: GOALS[t.category] ?? GOALS.default, TREND: rng.pick(['rising', 'stable', 'falling', 'sharply rising']),
  })).join(' ');
  text = capital(text);
  // 100–400 characters: pad short summaries with one more sentence, trim long ones at a sentence end.
  if (text.length < 100) text += ' ' + fill(rng.pick(pool.filter((p) => !parts.includes(p))), {
    N: name, B: t.subject ?? name, S: sector, R: region, V: vector, T: rng.pick(t.tools), GOAL: GOALS[t.category] ?? GOALS.default, TREND: 'stable',
  });
  while (text.length > 400) {
    const cut = text.lastIndexOf('. ', 398);
    text = cut > 100 ? text.slice(0, cut + 1) : `${text.slice(0, 396)}…`;
  }
  return text;
}

function entryId(p, i, width) {
  const num = String(i + 1).padStart(width, '0');
  switch (p.idStyle) {
    case 'upper': return `${p.code}-${num}`;
    case 'short': return `${p.code.toLowerCase().slice(0, 3)}-${num}`;
    case 'T': return `T-${num}`;
    default: return `${p.code}-26-${num}`;
  }
}

function buildDocument(rng, p) {
  const width = Math.max(3, String(p.entries.length).length);
  const threats = p.entries.map((e, i) => ({ id: entryId(p, i, width), ...e }));
  // Ranks: all entries, the top few, or none; by the partner's own sense of priority.
  if (p.rankPolicy !== 'none') {
    const order = threats.map((t, i) => [t.likelihood * t.impact + rng.float() * 6, i]).sort((a, b) => b[0] - a[0]);
    const k = p.rankPolicy === 'all' ? order.length : Math.min(order.length, rng.int(3, 10));
    for (let r = 0; r < k; r++) threats[order[r][1]].rank = r + 1;
  }
  const ordered = threats.map((t) => {
    const o = { id: t.id, title: t.title, category: t.category, likelihood: t.likelihood, impact: t.impact };
    for (const key of ['rank', 'confidence', 'credibility', 'trend', 'tlp', 'summary', 'aliases', 'actors', 'malware', 'cves', 'techniques',
      'sectors', 'regions', 'indicators', 'actions', 'references']) if (t[key] !== undefined) o[key] = t[key];
    return o;
  });
  const partner = { id: p.id, name: p.name };
  if (p.reliability) partner.reliability = p.reliability;
  const doc = { schemaVersion: 1, partner, issued: p.issued };
  if (p.period) doc.period = p.period;
  if (p.tlp) doc.tlp = p.tlp;
  doc.threats = ordered;
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Writers

/** JSON as people write it: objects over lines, short lists on one line. */
function toJson(doc) {
  const out = [];
  const scalarList = (a) => `[${a.map((x) => JSON.stringify(x)).join(', ')}]`;
  const inlineObj = (o) => `{ ${Object.entries(o).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
  const write = (value, indent) => {
    const pad = '  '.repeat(indent + 1);
    if (Array.isArray(value)) {
      if (value.every((x) => typeof x !== 'object')) return scalarList(value);
      if (value.every((x) => typeof x === 'object' && Object.values(x).every((v) => typeof v !== 'object'))
        && value.every((x) => inlineObj(x).length < 100)) {
        return `[\n${value.map((x) => pad + inlineObj(x)).join(',\n')}\n${'  '.repeat(indent)}]`;
      }
      return `[\n${value.map((x) => pad + write(x, indent + 1)).join(',\n')}\n${'  '.repeat(indent)}]`;
    }
    if (value && typeof value === 'object') {
      return `{\n${Object.entries(value).map(([k, v]) => `${pad}${JSON.stringify(k)}: ${write(v, indent + 1)}`).join(',\n')}\n${'  '.repeat(indent)}}`;
    }
    return JSON.stringify(value);
  };
  out.push(write(doc, 0));
  return `${out.join('')}\n`;
}

const YAML_RESERVED = /^(true|false|yes|no|on|off|y|n|null|~)$/i;
const PLAIN_BLOCK = /^[A-Za-z][A-Za-z0-9 ._()\/+&'’:;,?=%@!…-]*$/;
const PLAIN_FLOW = /^[A-Za-z][A-Za-z0-9 ._()\/+&'’:;?=%@!…-]*$/;

/** A string as a plain YAML scalar when that is unambiguous, else double-quoted. */
function yamlScalar(v, inFlow = false) {
  if (typeof v !== 'string') return String(v);
  const safe = (inFlow ? PLAIN_FLOW : PLAIN_BLOCK).test(v) && !YAML_RESERVED.test(v) && !v.endsWith(' ') && !v.endsWith(':')
    && !v.includes(': ') && !v.includes(' #') && !(inFlow && v.includes(':'));
  return safe ? v : JSON.stringify(v);
}

function wrap(text, width) {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function toYaml(doc, p) {
  const L = [];
  L.push('# yaml-language-server: $schema=../../../schemas/threat-assessment.v1.schema.json');
  L.push(`# Synthetic benchmark submission (threatmerge bench/generate.mjs); invented data.`);
  L.push('schemaVersion: 1');
  L.push('partner:');
  L.push(`  id: ${doc.partner.id}`);
  L.push(`  name: ${yamlScalar(doc.partner.name)}`);
  if (doc.partner.reliability) L.push(`  reliability: ${doc.partner.reliability}`);
  L.push(`issued: ${doc.issued}`);
  if (doc.period) L.push(`period: ${JSON.stringify(doc.period)}`);
  if (doc.tlp) L.push(`tlp: ${yamlScalar(doc.tlp)}`);
  L.push('');
  L.push('threats:');
  for (const t of doc.threats) {
    L.push(`  - id: ${yamlScalar(t.id)}`);
    for (const [k, v] of Object.entries(t)) {
      if (k === 'id') continue;
      if (k === 'summary') {
        const plain = yamlScalar(v);
        if (p.yamlSummaryFolded && v.length > 70 && !/\s{2}/.test(v)) {
          L.push('    summary: >-');
          for (const line of wrap(v, 76)) L.push(`      ${line}`);
        } else L.push(`    summary: ${plain}`);
      } else if (k === 'indicators') {
        L.push('    indicators:');
        for (const x of v) {
          L.push(`      - type: ${x.type}`);
          L.push(`        value: ${yamlScalar(x.value)}`);
        }
      } else if (k === 'actions' || k === 'references') {
        L.push(`    ${k}:`);
        for (const x of v) L.push(`      - ${yamlScalar(x)}`);
      } else if (Array.isArray(v)) {
        L.push(`    ${k}: [${v.map((x) => yamlScalar(x, true)).join(', ')}]`);
      } else if (typeof v === 'string') {
        L.push(`    ${k}: ${k === 'credibility' ? JSON.stringify(v) : yamlScalar(v)}`);
      } else {
        L.push(`    ${k}: ${v}`);
      }
    }
    L.push('');
  }
  return `${L.join('\n')}`;
}

// ---------------------------------------------------------------------------------------------
// Main

export function generate(opts) {
  const { entries: total, partners: nPartners, format, seed, out, exactPerFile } = opts;
  const rng = new Rng(seed);
  const threatCount = Math.max(1, Math.round(total / 8));
  const world = new World(rng, threatCount);
  world.build();
  const partners = makePartners(rng, nPartners, world.forge);
  // Capacities: exact in --files mode; otherwise ±30 % around M/N, summing to M.
  if (exactPerFile) {
    partners.forEach((p, i) => { p.capacity = Math.floor(total / nPartners) + (i < total % nPartners ? 1 : 0); });
  } else {
    const w = partners.map(() => 0.7 + 0.6 * rng.float());
    const sum = w.reduce((a, b) => a + b, 0);
    let given = 0;
    partners.forEach((p, i) => { p.capacity = Math.max(1, Math.floor((total * w[i]) / sum)); given += p.capacity; });
    for (let i = 0; given < total; i = (i + 1) % nPartners) { partners[i].capacity++; given++; }
    for (let i = 0; given > total; i = (i + 1) % nPartners) if (partners[i].capacity > 1) { partners[i].capacity--; given--; }
  }
  assign(rng, world, partners, total);
  // Each partner lists its entries in its own order.
  for (const t of world.threats) for (const p of t.partners) partners[p].entries.push(t);
  const truthGroups = {};
  const tmp = `${out}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  let bytes = 0;
  let written = 0;
  for (const p of partners) {
    const threats = rng.shuffle(p.entries);
    p.entries = threats.map((t) => entryFor(rng, world, t, p));
    const doc = buildDocument(rng, p);
    doc.threats.forEach((e, i) => {
      (truthGroups[threats[i].key] ??= []).push(`${p.id}/${e.id}`);
    });
    written += doc.threats.length;
    const text = format === 'yaml' ? toYaml(doc, p) : toJson(doc);
    writeFileSync(join(tmp, `${p.id}.${format === 'yaml' ? 'yaml' : 'json'}`), text);
    bytes += Buffer.byteLength(text);
    p.entries = [];
  }
  const named = world.threats.filter((t) => t.named && truthGroups[t.key]).map((t) => t.key);
  const groups = {};
  for (const t of world.threats) if (truthGroups[t.key]) groups[t.key] = truthGroups[t.key];
  writeFileSync(join(tmp, 'truth.json'), `${JSON.stringify({ groups, named })}\n`);
  writeFileSync(join(tmp, '.threatmergeignore'), 'truth.json\n');
  const sizes = Object.values(groups).map((g) => g.length).sort((a, b) => a - b);
  const manifest = {
    generator: 'bench/generate.mjs', seed, format, partners: nPartners, entries: written, threats: sizes.length,
    namedThreats: named.length, bytes, files: partners.map((p) => `${p.id}.${format === 'yaml' ? 'yaml' : 'json'}`).sort(),
    reportedBy: { min: sizes[0], median: sizes[sizes.length >> 1], p99: sizes[Math.floor(sizes.length * 0.99)], max: sizes[sizes.length - 1] },
  };
  writeFileSync(join(tmp, '.bench-manifest'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (existsSync(out)) rmSync(out, { recursive: true, force: true });
  mkdirSync(dirname(resolve(out)), { recursive: true });
  renameSync(tmp, out);
  return manifest;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    process.exit(2);
  }
  const format = args.format ?? 'json';
  if (!['json', 'yaml'].includes(format) || !args.out) {
    console.error(USAGE);
    process.exit(2);
  }
  const seed = Number(args.seed ?? 42);
  let entries;
  let partners;
  let exactPerFile = false;
  if (args.files !== undefined) {
    partners = Number(args.files);
    entries = partners * Number(args['entries-per-file'] ?? 20);
    exactPerFile = true;
  } else {
    entries = Number(args.entries ?? 10000);
    partners = Number(args.partners ?? 100);
  }
  if (![entries, partners, seed].every(Number.isInteger) || entries < partners || partners < 1) {
    console.error(`need whole numbers with entries ≥ partners ≥ 1\n${USAGE}`);
    process.exit(2);
  }
  const started = performance.now();
  const m = generate({ entries, partners, format, seed, out: args.out, exactPerFile });
  if (args.quiet === undefined) {
    console.log(`${args.out}: ${m.files.length} files, ${m.entries} entries, ${m.threats} threats (${m.namedThreats} named; reported by median ${m.reportedBy.median}, p99 ${m.reportedBy.p99}, max ${m.reportedBy.max} partners), ${(m.bytes / 1e6).toFixed(1)} MB ${format}, seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
