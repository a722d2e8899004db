#!/usr/bin/env node
// The threatmerge benchmark: whole-process timings of `validate` and `merge` on synthetic corpora,
// against a parse-only floor and against ajv-cli, plus merge diagnostics and dedup quality.
//
//   npm run bench                          # 10k and 100k entries, 3 runs each
//   npm run bench -- --size 1m             # opt-in: one million entries
//   npm run bench -- --size 10k --runs 5 --formats json
//
// Options (all optional):
//   --size 10k,100k        corpus sizes in entries (k and m suffixes)
//   --runs 3               runs per command; the median is reported
//   --formats json,yaml    formats for the floor and `validate`
//   --merge-formats json   formats for `merge`
//   --partners 100         partners (files) per corpus
//   --seed 42              generator seed
//   --timeout 600          seconds before a process is killed (reported as a timeout)
//   --single-run-after 120 a command whose first run takes longer than this many seconds runs once
//   --files 1000x20        the "many small submissions" corpus for the ajv-cli comparison
//   --quality-size 10k     corpus sizes scored against truth.json (dedup precision / recall)
//   --diagnostics-size smallest   sizes (or all) on which merge runs once more, in-process, for its stats
//   --no-ajv --no-diagnostics --no-profile
//   --output bench/results.md
//
// Corpora are cached in bench/out/ (gitignored) and regenerated when the generator or the
// parameters change. Child processes are timed whole (node start-up included); peak RSS comes
// from GNU time (`/usr/bin/time -f %M`) when present, else from a preload that records
// process.resourceUsage().maxRSS at exit.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');
const NODE = process.execPath;
const SCHEMA = join(ROOT, 'schemas', 'threat-assessment.v1.schema.json');
/** Where the measured code lives: a snapshot of bin/, dist/, schemas/ and package.json (or ROOT). */
let APP = ROOT;
let CLI = join(ROOT, 'bin', 'threatmerge.js');

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const o = {
    size: '10k,100k', runs: '3', formats: 'json,yaml', 'merge-formats': 'json', partners: '100', seed: '42', timeout: '600',
    'single-run-after': '120', files: '1000x20', 'quality-size': '10k', 'diagnostics-size': 'smallest', output: join('bench', 'results.md'),
    ajv: true, diagnostics: true, profile: true, snapshot: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument ${a}`);
    let key = a.slice(2);
    let value;
    const eq = key.indexOf('=');
    if (eq > 0) [key, value] = [key.slice(0, eq), key.slice(eq + 1)];
    if (key.startsWith('no-')) {
      o[key.slice(3)] = false;
      continue;
    }
    if (!(key in o)) throw new Error(`unknown option --${key}`);
    if (value === undefined) value = argv[++i];
    if (value === undefined) throw new Error(`--${key} needs a value`);
    o[key] = value;
  }
  return o;
}

function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad size ${s}; use e.g. 10k, 100k, 1m or 25000`);
  return Math.round(Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1));
}

function sizeLabel(n) {
  if (n >= 1e6 && n % 1e5 === 0) return `${n / 1e6}m`;
  if (n >= 1e3 && n % 100 === 0) return `${n / 1e3}k`;
  return String(n);
}

const list = (s) => String(s).split(',').map((x) => x.trim()).filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Corpora

const GENERATOR = join(HERE, 'generate.mjs');
const generatorHash = createHash('sha256').update(readFileSync(GENERATOR)).digest('hex').slice(0, 16);

function readManifest(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, '.bench-manifest'), 'utf8'));
  } catch {
    return undefined;
  }
}

async function ensureCorpus({ label, entries, partners, format, seed, files }) {
  const suffix = seed === 42 && (files || partners === 100) ? '' : `-s${seed}${files ? '' : `-p${partners}`}`;
  const dir = join(OUT, `${label}-${format}${suffix}`);
  const m = readManifest(dir);
  if (m && m.generatorHash === generatorHash && m.entries === entries && m.partners === partners && m.seed === seed && m.format === format) return { dir, manifest: m };
  const args = files
    ? ['--files', String(partners), '--entries-per-file', String(entries / partners)]
    : ['--entries', String(entries), '--partners', String(partners)];
  log(`generating ${relative(ROOT, dir)} …`);
  const r = await run([NODE, GENERATOR, ...args, '--format', format, '--seed', String(seed), '--out', dir], { timeoutMs: 3600e3, captureStdout: true });
  if (r.code !== 0) throw new Error(`generator failed: ${r.stderrTail}`);
  log(`  ${r.stdout.trim()}`);
  const manifest = { ...readManifest(dir), generatorHash };
  writeFileSync(join(dir, '.bench-manifest'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest };
}

// ---------------------------------------------------------------------------------------------
// Processes

let TMP;
let rssMode;
let counter = 0;

function detectRssMode() {
  try {
    const probe = join(TMP, 'time-probe');
    const r = spawnSyncQuiet('/usr/bin/time', ['-f', '%M', '-o', probe, NODE, '-e', '0']);
    if (r === 0 && /^\d+\s*$/.test(readFileSync(probe, 'utf8').trim().split('\n').pop())) return 'gnu-time';
  } catch {
    // fall through
  }
  const preload = join(TMP, 'rss-preload.cjs');
  writeFileSync(preload, `if (require('worker_threads').isMainThread) process.on('exit', () => { try { require('fs').appendFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS) + ' 0 ' + (process.cpuUsage().user / 1e6) + ' ' + (process.cpuUsage().system / 1e6) + '\\n'); } catch {} });\n`);
  return 'preload';
}

function spawnSyncQuiet(cmd, args) {
  // Small synchronous helper without importing spawnSync at top level for clarity.
  const { spawnSync } = createRequire(import.meta.url)('node:child_process');
  return spawnSync(cmd, args, { stdio: 'ignore' }).status;
}

/**
 * Run a command to completion. Returns wall time (ms), peak RSS (KB), CPU seconds, exit code,
 * whether it timed out, and the tail of standard error.
 */
function run(argv, { cwd = ROOT, timeoutMs, captureStdout = false, env = {} } = {}) {
  return new Promise((resolvePromise) => {
    const rssFile = join(TMP, `rss-${process.pid}-${counter++}`);
    let cmd;
    let args;
    const childEnv = { ...process.env, ...env };
    if (rssMode === 'gnu-time') {
      cmd = '/usr/bin/time';
      args = ['-f', '%M %e %U %S', '-o', rssFile, ...argv];
    } else {
      [cmd, ...args] = argv;
      childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --require ${join(TMP, 'rss-preload.cjs')}`.trim();
      childEnv.BENCH_RSS_FILE = rssFile;
    }
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, env: childEnv, stdio: ['ignore', captureStdout ? 'pipe' : 'ignore', 'pipe'], detached: true });
    let stderr = '';
    let stderrBytes = 0;
    let stderrLines = 0;
    let stdout = '';
    child.stderr.on('data', (d) => {
      const s = d.toString();
      stderrBytes += d.length;
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) stderrLines++;
      stderr = (stderr + s).slice(-4000);
    });
    if (captureStdout) child.stdout.on('data', (d) => { stdout += d.toString(); });
    let timedOut = false;
    const timer = timeoutMs ? setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMs) : undefined;
    child.on('close', (code, signal) => {
      const wall = performance.now() - started;
      if (timer) clearTimeout(timer);
      let rssKB;
      let cpu;
      try {
        const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
        // GNU time: its last line (a status line may precede it), counting the processes the
        // command waited for. The preload: one line per Node process (a large merge reruns
        // itself in a new one), so the largest RSS and the sum of their CPU.
        const rows = (rssMode === 'gnu-time' ? lines.slice(-1) : lines).map((l) => l.trim().split(/\s+/).map(Number));
        rssKB = Math.max(...rows.map((r) => r[0]));
        cpu = rows.reduce((sum, r) => sum + r[2] + r[3], 0);
        rmSync(rssFile, { force: true });
      } catch {
        // killed before it could report
      }
      resolvePromise({ wall, rssKB, cpu, code, signal, timedOut, stderrTail: stderr.trim().split('\n').slice(-6).join('\n'), stderrBytes, stderrLines, stdout });
    });
  });
}

/**
 * The Node options a merge of this corpus reruns itself with (src/io/memory.ts), so that the
 * in-process diagnostics run on the heap the CLI would have; none for a build that predates them.
 */
async function rerunFlagsFor(dir) {
  const memory = await import(pathToFileURL(join(APP, 'dist', 'io', 'memory.js')).href).catch(() => ({}));
  if (typeof memory.rerunFlags !== 'function') return [];
  // The submissions only, as the CLI counts them (truth.json is in the corpus's .threatmergeignore).
  const inputs = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/i.test(f) && f !== 'truth.json');
  const bytes = inputs.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
  return memory.rerunFlags(bytes, process.execArgv, process.env) ?? [];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};

/** Time one command `runs` times (fewer when a run is slow or fails). */
async function measure(name, argv, { runs, timeoutMs, singleRunAfterMs, expectCode = 0, cleanup, env = {} }) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await run(argv, { timeoutMs, env });
    cleanup?.();
    results.push(r);
    const status = r.timedOut ? `TIMEOUT after ${(r.wall / 1000).toFixed(0)} s` : r.code !== expectCode ? `exit ${r.code ?? r.signal}` : '';
    log(`  ${name.padEnd(34)} run ${i + 1}/${runs}: ${(r.wall / 1000).toFixed(2).padStart(8)} s  ${r.rssKB ? `${(r.rssKB / 1024).toFixed(0).padStart(6)} MB` : '      ?'}${status ? `  ${status}` : ''}${r.stderrLines ? `  (${r.stderrLines} stderr lines)` : ''}`);
    if (status) {
      if (r.stderrTail && !r.timedOut) log(r.stderrTail.split('\n').map((l) => `      | ${l}`).join('\n'));
      break;
    }
    if (r.wall > singleRunAfterMs && i + 1 < runs) {
      log(`  ${name}: first run took over ${(singleRunAfterMs / 1000).toFixed(0)} s; not repeating it`);
      break;
    }
  }
  const ok = results.filter((r) => !r.timedOut && r.code === expectCode);
  const failed = results.find((r) => r.timedOut || r.code !== expectCode);
  return {
    name,
    argv,
    runs: ok.length,
    wall: median(ok.map((r) => r.wall)),
    min: Math.min(...ok.map((r) => r.wall)),
    max: Math.max(...ok.map((r) => r.wall)),
    rssKB: median(ok.map((r) => r.rssKB).filter((x) => x !== undefined)),
    cpu: median(ok.map((r) => r.cpu).filter((x) => x !== undefined)),
    stderrLines: ok[0]?.stderrLines ?? 0,
    failure: failed ? (failed.timedOut ? `timeout (> ${(timeoutMs / 1000).toFixed(0)} s)` : `exit ${failed.code ?? failed.signal}: ${failed.stderrTail.split('\n').pop()}`) : undefined,
    allWalls: results.map((r) => r.wall),
  };
}

// ---------------------------------------------------------------------------------------------
// The floor: read the same files and parse them with the fastest parser the tool uses, nothing else.

function toolYamlParser() {
  // The tool's fast path for YAML: js-yaml if the compiled loader imports it, else the yaml package.
  // js-yaml is imported by the loader or, loaded on first use, by lazy-deps.
  let src = '';
  for (const file of ['load.js', 'lazy-deps.js']) {
    try {
      src += readFileSync(join(APP, 'dist', 'core', file), 'utf8');
    } catch {
      // not built, or no such module in this version
    }
  }
  return /from\s+['"]js-yaml['"]|import\(['"]js-yaml['"]\)|require\(['"]js-yaml['"]\)/.test(src) ? 'js-yaml' : 'yaml';
}

const PARSER_LABEL = { json: 'JSON.parse', yaml: 'yaml parseDocument+toJS', 'js-yaml': 'js-yaml load, core schema' };

const FLOOR_SCRIPT = `// Parse-only floor for the threatmerge benchmark (written by bench/run.mjs).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const [dir, parser] = process.argv.slice(2);
const names = readdirSync(dir).filter((n) => /\\.(ya?ml|json)$/i.test(n) && n !== 'truth.json').sort();
let parse;
if (parser === 'json') parse = JSON.parse;
else if (parser === 'js-yaml') { const y = (await import('js-yaml')).default; parse = (t) => y.load(t, { schema: y.CORE_SCHEMA }); }
else { const { parseDocument } = await import('yaml'); parse = (t) => parseDocument(t).toJS(); }
let entries = 0;
for (const n of names) entries += parse(readFileSync(join(dir, n), 'utf8')).threats.length;
if (process.env.BENCH_FLOOR_PRINT) console.log(entries);
`;

// ---------------------------------------------------------------------------------------------
// In-process diagnostics (run in a child: node bench/run.mjs --diagnose DIR OUT.json QUALITY)

/** Milliseconds of GC pause per phase: bounds are [phase, start] in order, the last one an end mark. */
function gcByPhase(bounds, pauses) {
  const out = {};
  for (const [start, duration] of pauses) {
    for (let i = bounds.length - 2; i >= 0; i--) {
      if (start >= bounds[i][1]) {
        if (start < bounds[i + 1][1]) out[bounds[i][0]] = (out[bounds[i][0]] ?? 0) + duration;
        break;
      }
    }
  }
  return out;
}

/** The heap (MB) the CLI asks for before merging n entries, or undefined when Node's default heap does. */
async function heapSettingFor(n) {
  const { memoryProblem, heapLimit } = await import(pathToFileURL(join(APP, 'dist', 'io', 'memory.js')).href);
  const advice = memoryProblem(n, heapLimit(process.env), os.totalmem());
  const mb = advice && /--max-old-space-size=(\d+)/.exec(advice);
  return mb ? Number(mb[1]) : undefined;
}

/**
 * Settles the heap as the CLI's merge of n entries does, and says whether that merge keeps the
 * parsed threats: a merge that needs a tight heap tightens it here too, and keeps them as text.
 */
async function heapAsTheCli(dist, n) {
  const memory = await import(dist('io/memory.js')).catch(() => ({}));
  if (typeof memory.needsTightHeap !== 'function') return false;
  const tight = memory.needsTightHeap(n, memory.heapLimit(process.env));
  if (tight) memory.tightenHeap(process.execArgv);
  return !tight;
}

async function diagnose(app, dir, outFile, withQuality) {
  const dist = (p) => pathToFileURL(join(app, 'dist', p)).href;
  const { checkInputs } = await import(dist('commands/inputs.js'));
  const { realIo } = await import(dist('io/real-io.js'));
  const { merge, mergeStreamed } = await import(dist('core/merge.js'));
  const { evaluate } = await import(dist('core/evaluate.js'));
  const { renderMergedJson } = await import(dist('render/merge/json.js'));
  // The CLI's second thread for pair scoring, when the build has it.
  // Why a worker's share was done on the main thread after all, if it was (shown with the stats).
  const fallbacks = [];
  const scorer = await import(dist('commands/parallel-scorer.js')).then((m) => m.workerScorer(process.env, (why) => fallbacks.push(`scoring: ${why}`)), () => undefined);
  // And for normalisation (from the seventh round; older builds have none).
  const normaliser = await import(dist('commands/parallel-normaliser.js')).then((m) => m.workerNormaliser(process.env, (why) => fallbacks.push(`normalisation: ${why}`)), () => undefined);
  // And for writing the threats (from the thirteenth round).
  const writer = await import(dist('commands/parallel-writer.js')).then((m) => m.workerWriter(process.env, (why) => fallbacks.push(`writing: ${why}`)), () => undefined);
  const phases = {};
  // Garbage-collection pauses of this thread, attributed afterwards to the phase they fell in:
  // they explain why a phase grows faster than its input (see docs/performance.md).
  const pauses = [];
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) pauses.push([e.startTime, e.duration]);
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const bounds = [];
  let t = performance.now();
  bounds.push(['load (read, parse, validate)', t]);
  // The CLI's own input path: expand the directory (honouring .threatmergeignore), read, check.
  // As the CLI's merge pipeline does: two threads, entry lines worked out, the files' texts let go.
  const { files } = await checkInputs([dir], realIo(), { settled: true });
  const submissions = files.flatMap((f) => (f.submission ? [f.submission] : []));
  phases.load = performance.now() - t;
  if (submissions.length !== files.length) throw new Error(`${files.length - submissions.length} invalid submissions in ${dir}`);
  // As the CLI's merge pipeline: a merge that fits the heap easily keeps the parsed threats
  // (keepParsed), a large one tightens the heap and keeps them as text. Builds from before
  // keepParsed ignore it (and those before needsTightHeap get false), as their CLI did.
  const keepParsed = await heapAsTheCli(dist, submissions.reduce((n, s) => n + s.document.threats.length, 0));
  // The merge reports each phase as it ends (onPhase); older builds without it give one figure.
  t = performance.now();
  const start = t;
  const mergePhases = [];
  // Builds with mergeStreamed make the joint threats (and explain their evidence) as the JSON is
  // written, as the CLI does; the last phase is then "joint threats and JSON".
  const streaming = typeof mergeStreamed === 'function';
  const out = (streaming ? mergeStreamed : merge)({
    submissions, review: false, consume: true, keepParsed, ...(scorer ? { scorer } : {}), ...(normaliser ? { normaliser } : {}), tool: { name: 'threatmerge', version: 'bench' },
    onPhase: (name) => {
      const now = performance.now();
      mergePhases.push([name, now - t]);
      bounds.push([name, t]);
      t = now;
    },
  });
  phases.merge = performance.now() - start;
  phases.mergePhases = mergePhases;
  phases.streaming = streaming;
  t = performance.now();
  let outputBytes = 0;
  let outputError;
  // Each threat's sources as it is written, for the quality figures. Only where they are scored:
  // a map of every entry's key costs the 1M run ~5 s of this phase that the CLI does not spend.
  const predicted = new Map();
  const see = (th) => { for (const s of th.sources) predicted.set(`${s.partner}/${s.id}`, th.id); return th; };
  const seeing = (list) => (!withQuality ? list : { length: list.length, at: (k) => see(list.at(k)) });
  try {
    // Where quality is scored, every threat is made here, to be seen; elsewhere the writing thread makes some, as in the CLI.
    const pieces = streaming ? renderMergedJson(out.result, { threats: seeing(out.threats), refused: out.refused, ...(withQuality ? {} : { portable: out.portable }) }, writer) : renderMergedJson(out.result);
    for (const piece of pieces) outputBytes += Buffer.byteLength(piece);
  } catch (err) {
    outputError = err.message;
  }
  if (!streaming && withQuality) out.result.threats.forEach(see);
  phases.stringify = performance.now() - t;
  bounds.push([streaming ? 'joint threats and JSON' : 'render JSON', t], ['', performance.now()]);
  // Observer entries arrive later on the event loop (not by the next setImmediate), after the synchronous merge.
  await new Promise((resolve) => setTimeout(resolve, 100));
  gcObserver.disconnect();
  phases.gcPauses = gcByPhase(bounds, pauses);
  const report = {
    phases, outputBytes, outputError, stats: out.stats, threats: out.result.summary.threats,
    entries: out.result.summary.entries, review: out.review.length, refused: streaming ? out.refused.length : out.result.refused.length, warnings: out.result.warnings.length,
    maxRSSKB: process.resourceUsage().maxRSS,
    workerFallbacks: fallbacks,
  };
  if (withQuality) {
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const truthMap = new Map();
    for (const [g, members] of Object.entries(truth.groups)) for (const m of members) truthMap.set(m, g);
    const namedGroups = new Set(truth.named);
    const named = new Set([...truthMap].filter(([, g]) => namedGroups.has(g)).map(([k]) => k));
    const unnamed = new Set([...truthMap.keys()].filter((k) => !named.has(k)));
    report.quality = {
      trueGroups: Object.keys(truth.groups).length,
      overall: evaluate(predicted, truthMap),
      named: evaluate(predicted, truthMap, named),
      unnamed: evaluate(predicted, truthMap, unnamed),
    };
  }
  writeFileSync(outFile, JSON.stringify(report));
}

// ---------------------------------------------------------------------------------------------
// CPU profile: top functions by self time

function topFunctions(profileFile, n = 8) {
  const p = JSON.parse(readFileSync(profileFile, 'utf8'));
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const f = byId.get(id).callFrame;
    const file = f.url ? f.url.replace(/^file:\/\//, '').replace(`${APP}/`, '').replace(`${ROOT}/`, '') : '';
    const key = `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return { total: total / 1000, top: [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => ({ fn: k, ms: us / 1000, share: us / total })) };
}

/** A fingerprint of the compiled code: relative paths and contents of the .js files under dist/. */
function distHash(app = ROOT) {
  const h = createHash('sha256');
  const base = join(app, 'dist');
  const walk = (dir) => {
    let names = [];
    try {
      names = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const d of names) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.js')) h.update(relative(base, p)).update(readFileSync(p));
    }
  };
  walk(base);
  return h.digest('hex').slice(0, 12);
}

/**
 * Copy the built tool aside, so that a rebuild of dist/ during a long run (someone else working
 * in the tree) cannot change or break the code under test half-way. Node resolves the packages
 * from the snapshot's parent folders, so node_modules is shared.
 */
async function snapshotApp() {
  const dir = join(OUT, `.snapshot-${process.pid}`);
  for (let attempt = 1; attempt <= 5; attempt++) {
    rmSync(dir, { recursive: true, force: true });
    const before = distHash(ROOT);
    for (const part of ['bin', 'dist', 'schemas', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    const after = distHash(ROOT);
    const copy = distHash(dir);
    if (before === after && after === copy) {
      // A smoke test through the validate path: any JSON report means the copied modules load.
      const r = await run([NODE, join(dir, 'bin', 'threatmerge.js'), 'validate', join(ROOT, 'samples'), '-f', 'json'], { timeoutMs: 60e3, captureStdout: true });
      try {
        JSON.parse(r.stdout);
        return { dir, hash: copy };
      } catch {
        // fall through: retry
      }
      log(`snapshot attempt ${attempt}: the copied tool does not run (${r.stderrTail.split('\n')[0]}); retrying`);
    } else log(`snapshot attempt ${attempt}: dist/ changed while copying; retrying`);
    await new Promise((r) => setTimeout(r, 5000));
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error('could not take a consistent snapshot of dist/ (is a build running?)');
}

// ---------------------------------------------------------------------------------------------
// Output helpers

const lines = [];
function log(s = '') {
  process.stderr.write(`${s}\n`);
}
function out(s = '') {
  console.log(s);
  lines.push(s);
}
const sec = (ms) => (Number.isFinite(ms) ? (ms / 1000 >= 100 ? (ms / 1000).toFixed(0) : (ms / 1000).toFixed(2)) : '—');
const mb = (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) : '—');
const rate = (n, ms) => (Number.isFinite(ms) && ms > 0 ? Math.round((n * 1000) / ms).toLocaleString('en-US') : '—');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(1)}×` : '—');
const pct = (x) => (100 * x).toFixed(1);

function table(header, rows) {
  const s = [`| ${header.join(' | ')} |`, `|${header.map((h, i) => (i === 0 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) s.push(`| ${r.join(' | ')} |`);
  return s.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const sizes = [...new Set(list(opts.size).map(parseSize))].sort((a, b) => a - b);
  const runs = Math.max(1, Number(opts.runs));
  const formats = list(opts.formats);
  const mergeFormats = list(opts['merge-formats']);
  const partners = Number(opts.partners);
  const seed = Number(opts.seed);
  const timeoutMs = Number(opts.timeout) * 1000;
  const singleRunAfterMs = Number(opts['single-run-after']) * 1000;
  const qualitySizes = new Set(list(opts['quality-size']).map(parseSize));
  const diagOpt = opts['diagnostics-size'];
  const diagSizes = diagOpt === 'all' ? new Set(sizes) : diagOpt === 'smallest' ? new Set([Math.min(...sizes)]) : new Set(list(diagOpt).map(parseSize));
  for (const f of [...formats, ...mergeFormats]) if (!['json', 'yaml'].includes(f)) throw new Error(`unknown format ${f}`);
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/ is missing; run npm run build first');

  mkdirSync(OUT, { recursive: true });
  TMP = mkdtempSync(join(os.tmpdir(), 'threatmerge-bench-'));
  rssMode = detectRssMode();
  const floorScript = join(OUT, 'floor.mjs');
  writeFileSync(floorScript, FLOOR_SCRIPT);
  let ajvBin;
  if (opts.ajv) {
    try {
      const req = createRequire(join(ROOT, 'package.json'));
      const pkgPath = req.resolve('ajv-cli/package.json');
      const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
      ajvBin = { path: join(dirname(pkgPath), typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.ajv), version: pkg.version };
    } catch {
      log('ajv-cli is not installed (npm install); skipping the ajv-cli comparison');
    }
  }
  let snapshot;
  if (opts.snapshot) {
    snapshot = await snapshotApp();
    APP = snapshot.dir;
    CLI = join(APP, 'bin', 'threatmerge.js');
  }
  const started = new Date();
  const load0 = os.loadavg();
  const dist0 = distHash(APP);
  const root0 = distHash(ROOT);
  const yamlParser = toolYamlParser();
  const tmpOut = join(TMP, 'out.json');
  const cleanup = () => rmSync(tmpOut, { force: true });
  const ajvArgs = (dir) => [NODE, ajvBin.path, 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--allow-union-types', '--all-errors', '-s', SCHEMA, '-d', `${dir}/??-*.json`];
  const m = { runs, timeoutMs, singleRunAfterMs };

  // 1. Timings per size.
  const results = [];
  for (const n of sizes) {
    const label = sizeLabel(n);
    const bySize = { n, label, rows: [], dirs: {} };
    results.push(bySize);
    const needed = [...new Set([...formats, ...mergeFormats])];
    const corpora = {};
    for (const f of needed) corpora[f] = await ensureCorpus({ label, entries: n, partners, format: f, seed });
    bySize.bytes = Object.fromEntries(needed.map((f) => [f, corpora[f].manifest.bytes]));
    bySize.dirs = Object.fromEntries(needed.map((f) => [f, corpora[f].dir]));
    log(`\n${label} entries (${partners} partners)`);
    for (const f of formats) {
      const dir = corpora[f].dir;
      const parser = f === 'json' ? 'json' : yamlParser;
      const floor = await measure(`floor ${f} (${PARSER_LABEL[parser]})`, [NODE, floorScript, dir, parser], m);
      bySize.rows.push({ cmd: `floor`, format: `${f} (${PARSER_LABEL[parser]})`, parser, ...floor });
      const v = await measure(`validate ${f}`, [NODE, CLI, 'validate', dir, '--quiet', '-f', 'json', '-o', tmpOut], { ...m, cleanup });
      bySize.rows.push({ cmd: 'validate', format: f, ...v, floor });
      if (f === 'json' && ajvBin) {
        const a = await measure('ajv-cli validate json', ajvArgs(dir), m);
        bySize.rows.push({ cmd: 'ajv-cli', format: f, ...a, floor });
      }
    }
    for (const f of mergeFormats) {
      const dir = corpora[f].dir;
      let floor = bySize.rows.find((r) => r.cmd === 'floor' && r.format.startsWith(f));
      if (!floor) {
        const parser = f === 'json' ? 'json' : yamlParser;
        floor = await measure(`floor ${f} (${PARSER_LABEL[parser]})`, [NODE, floorScript, dir, parser], m);
        bySize.rows.push({ cmd: 'floor', format: `${f} (${PARSER_LABEL[parser]})`, parser, ...floor });
      }
      let outBytes;
      // A merge too large for Node's default heap is refused by the CLI with the setting to use,
      // which the bench then applies (and records); the CLI's own check decides.
      const heapMb = await heapSettingFor(n);
      if (heapMb) bySize.mergeHeapMb = heapMb;
      const mg = await measure(`merge ${f}`, [NODE, CLI, 'merge', dir, '--format', 'json', '-o', tmpOut], {
        ...m,
        ...(heapMb ? { env: { NODE_OPTIONS: `--max-old-space-size=${heapMb}` } } : {}),
        cleanup: () => {
          if (outBytes === undefined && existsSync(tmpOut)) outBytes = statSync(tmpOut).size;
          cleanup();
        },
      });
      bySize.rows.push({ cmd: 'merge', format: f, ...mg, floor, outBytes });
    }
    // In-process merge: stats (and quality) once per size.
    if (opts.diagnostics && diagSizes.has(n)) {
      const mergeRow = bySize.rows.find((r) => r.cmd === 'merge');
      if (mergeRow?.failure?.startsWith('timeout')) {
        log(`  diagnostics skipped at ${label}: the merge timed out`);
      } else {
        const f = mergeFormats[0] ?? formats[0];
        const diagFile = join(TMP, `diag-${label}.json`);
        log(`  in-process merge diagnostics (${label}, ${f}) …`);
        const r = await run([NODE, ...(await rerunFlagsFor(corpora[f].dir)), fileURLToPath(import.meta.url), '--diagnose', APP, corpora[f].dir, diagFile, qualitySizes.has(n) ? '1' : '0'], { timeoutMs });
        if (r.code === 0) bySize.diag = JSON.parse(readFileSync(diagFile, 'utf8'));
        else log(`  diagnostics failed: ${r.timedOut ? 'timeout' : r.stderrTail}`);
      }
    }
  }

  // 2. Many small submissions: threatmerge validate vs ajv-cli.
  let small;
  if (opts.ajv && opts.files) {
    const [files, per] = opts.files.split('x').map(Number);
    const corpus = await ensureCorpus({ label: `files-${files}x${per}`, entries: files * per, partners: files, format: 'json', seed, files: true });
    log(`\n${files} small JSON submissions (${per} entries each)`);
    small = { files, per, bytes: corpus.manifest.bytes, rows: [] };
    const floor = await measure('floor json (JSON.parse)', [NODE, floorScript, corpus.dir, 'json'], m);
    small.rows.push({ cmd: 'floor (JSON.parse)', ...floor });
    const v = await measure('threatmerge validate', [NODE, CLI, 'validate', corpus.dir, '--quiet', '-f', 'json', '-o', tmpOut], { ...m, cleanup });
    small.rows.push({ cmd: 'threatmerge validate', ...v, floor });
    if (ajvBin) {
      const a = await measure(`ajv-cli ${ajvBin.version} validate`, ajvArgs(corpus.dir), m);
      small.rows.push({ cmd: `ajv-cli ${ajvBin.version} validate`, ...a, floor });
    }
  }

  // 3. CPU profiles: where the time goes.
  const profiles = [];
  if (opts.profile) {
    const smallest = results[0];
    const largest = results[results.length - 1];
    const jobs = [];
    if (largest) for (const f of formats) jobs.push([`validate ${f} @ ${largest.label}`, 'validate', largest.dirs[f], ['--quiet', '-f', 'json', '-o', tmpOut]]);
    const smallestMerge = smallest?.rows.find((r) => r.cmd === 'merge');
    if (smallestMerge && !smallestMerge.failure && smallestMerge.wall < singleRunAfterMs) {
      jobs.push([`merge ${mergeFormats[0]} @ ${smallest.label}`, 'merge', smallest.dirs[mergeFormats[0]], ['--format', 'json', '-o', tmpOut]]);
    }
    for (const [title, command, corpusDir, extra] of jobs) {
      const profDir = join(TMP, `prof-${profiles.length}`);
      log(`  profiling ${title} …`);
      const r = await run([NODE, `--cpu-prof`, `--cpu-prof-dir=${profDir}`, CLI, command, corpusDir, ...extra], { timeoutMs });
      cleanup();
      if (r.code !== 0) continue;
      const file = readdirSync(profDir).find((x) => x.endsWith('.cpuprofile'));
      if (file) profiles.push({ title, ...topFunctions(join(profDir, file)) });
    }
  }

  // 4. Report.
  const load1 = os.loadavg();
  const dist1 = distHash(APP);
  const root1 = distHash(ROOT);
  if (dist1 !== dist0) log('warning: the code under test changed during the run; the timings mix two versions of the code');
  if (snapshot) rmSync(snapshot.dir, { recursive: true, force: true });
  const cpus = os.cpus();
  const cmdline = process.env.npm_lifecycle_event === 'bench'
    ? `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`
    : `node bench/run.mjs ${process.argv.slice(2).join(' ')}`.trim();
  const md = [];
  md.push('# threatmerge benchmark results');
  md.push('');
  md.push(`- Command: \`${cmdline}\``);
  const dateLine = `- Date: ${started.toISOString().replace(/\.\d+Z$/, 'Z')}`;
  md.push(`- Machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}`);
  md.push(`- Compiled code (hash of dist/**/*.js): ${dist0}${snapshot ? ', run from a snapshot taken at the start' : ''}${dist1 === dist0 ? '' : `; ${dist1} at the end: the code under test changed during the run, so the timings mix two versions`}${snapshot && root1 !== root0 ? ' (dist/ itself was rebuilt during the run, which did not affect the snapshot)' : ''}`);
  md.push(`- Load average at start / end: ${load0.map((x) => x.toFixed(2)).join(' ')} / ${load1.map((x) => x.toFixed(2)).join(' ')} (other work on the machine inflates timings)`);
  md.push(`- Method: whole processes (node start-up included), median of up to ${runs} runs; peak RSS by ${rssMode === 'gnu-time' ? 'GNU time (%M)' : 'process.resourceUsage().maxRSS at exit'}, in MB of 2^20 bytes (MiB: 4 GB decimal is 3815 of them); corpora from \`bench/generate.mjs\` (seed ${seed}, ${partners} partners). Floor = read the same files and parse them with the tool's fastest parser (JSON.parse; YAML: ${yamlParser === 'yaml' ? 'the yaml package, parseDocument+toJS' : 'js-yaml load with the core schema, as the tool\'s fast path'}), nothing else.`);
  md.push('');
  out(md.join('\n'));
  lines[lines.length - 1] = [...md.slice(0, 3), dateLine, ...md.slice(3)].join('\n');
  for (const s of results) {
    out(`## ${s.label} entries (${Object.entries(s.bytes).map(([f, b]) => `${f} ${(b / 1e6).toFixed(1)} MB`).join(', ')})`);
    out('');
    out(table(['command', 'runs', 'wall s (median)', 'min–max s', 'entries/s', 'peak RSS MB', 'CPU s', '× floor time', '× floor RSS'], s.rows.map((r) => [
      `${r.cmd} ${r.format}${r.outBytes ? ` (→ ${(r.outBytes / 1e6).toFixed(0)} MB JSON)` : ''}`,
      r.failure && r.runs === 0 ? `0 (${r.failure})` : String(r.runs) + (r.failure ? ` (then ${r.failure})` : ''),
      sec(r.wall), r.runs ? `${sec(r.min)}–${sec(r.max)}` : '—', rate(s.n, r.wall), mb(r.rssKB), Number.isFinite(r.cpu) ? r.cpu.toFixed(1) : '—',
      r.floor ? ratio(r.wall, r.floor.wall) : '1.0×', r.floor ? ratio(r.rssKB, r.floor.rssKB) : '1.0×',
    ])));
    out('');
    if (s.mergeHeapMb) out(`merge ran with \`NODE_OPTIONS=--max-old-space-size=${s.mergeHeapMb}\`: the CLI refuses a merge this large in Node's default heap, with this advice.\n`);
  }
  if (results.length > 1) {
    out(`## Growth ${results.map((r) => r.label).join(' → ')}`);
    out('');
    const keys = [...new Set(results.flatMap((s) => s.rows.map((r) => `${r.cmd} ${r.format}`)))];
    const header = ['command'];
    for (let i = 0; i < results.length; i++) header.push(`wall s ${results[i].label}`);
    for (let i = 1; i < results.length; i++) header.push(`time × (${results[i - 1].label}→${results[i].label})`);
    for (let i = 1; i < results.length; i++) header.push(`CPU × (${results[i - 1].label}→${results[i].label})`);
    for (let i = 0; i < results.length; i++) header.push(`RSS MB ${results[i].label}`);
    for (let i = 1; i < results.length; i++) header.push(`RSS × (${results[i - 1].label}→${results[i].label})`);
    const rows = keys.map((k) => {
      const cells = results.map((s) => s.rows.find((r) => `${r.cmd} ${r.format}` === k));
      return [k,
        ...cells.map((c) => (c ? (c.runs ? sec(c.wall) : c.failure ?? '—') : '—')),
        ...cells.slice(1).map((c, i) => ratio(c?.wall, cells[i]?.wall)),
        ...cells.slice(1).map((c, i) => ratio(c?.cpu, cells[i]?.cpu)),
        ...cells.map((c) => mb(c?.rssKB)),
        ...cells.slice(1).map((c, i) => ratio(c?.rssKB, cells[i]?.rssKB)),
      ];
    });
    out(table(header, rows));
    out('');
    out(`Entries grow ${results.slice(1).map((s, i) => ratio(s.n, results[i].n)).join(', ')}; a linear command grows by the same factor (less where start-up dominates).`);
    out('');
  }
  if (small) {
    out(`## ${small.files.toLocaleString('en-US')} small valid JSON submissions (${small.per} entries each, ${(small.bytes / 1e6).toFixed(1)} MB)`);
    out('');
    out(table(['command', 'runs', 'wall s (median)', 'min–max s', 'files/s', 'entries/s', 'peak RSS MB', 'CPU s', '× floor time'], small.rows.map((r) => [
      r.cmd, String(r.runs) + (r.failure ? ` (${r.failure})` : ''), sec(r.wall), r.runs ? `${sec(r.min)}–${sec(r.max)}` : '—', rate(small.files, r.wall), rate(small.files * small.per, r.wall), mb(r.rssKB),
      Number.isFinite(r.cpu) ? r.cpu.toFixed(1) : '—', r.floor ? ratio(r.wall, r.floor.wall) : '1.0×',
    ])));
    out('');
    if (ajvBin) out(`ajv-cli: \`ajv validate --spec=draft2020 -c ajv-formats --allow-union-types --all-errors -s schemas/threat-assessment.v1.schema.json -d "<dir>/??-*.json"\` (schema only: no YAML, no duplicate-id/rank checks, no located messages).`);
    out('');
  }
  const diags = results.filter((s) => s.diag);
  if (diags.length) {
    out('## Merge diagnostics (in-process, compiled dist, the CLI input path)');
    out('');
    out(table(['size', 'load s', 'merge s (to the ranking)', 'joint threats and JSON s', 'output MB', 'candidate pairs', 'pairs/entry', 'blocking keys', 'dropped keys', 'largest block', 'largest group', 'threats', 'refused', 'review', 'warnings'], diags.map((s) => {
      const d = s.diag;
      return [s.label, sec(d.phases.load), sec(d.phases.merge), sec(d.phases.stringify), d.outputError ? `failed: ${d.outputError}` : (d.outputBytes / 1e6).toFixed(0),
        d.stats.candidatePairs.toLocaleString('en-US'), (d.stats.candidatePairs / d.stats.entries).toFixed(0), d.stats.blockingKeys.toLocaleString('en-US'), String(d.stats.droppedKeys),
        String(d.stats.largestBlock), String(d.stats.largestGroup), d.threats.toLocaleString('en-US'), d.refused.toLocaleString('en-US'), d.review.toLocaleString('en-US'), String(d.warnings)];
    })));
    out('');
    for (const s of diags) out(`- ${s.label}: keys dropped as too common (block size): ${s.diag.stats.droppedKeyExamples.join(', ') || 'none'}`);
    // A worker that failed or was too slow makes its phase slower with nothing else to show it.
    for (const s of diags) if (s.diag.workerFallbacks?.length) out(`- ${s.label}: done on the main thread after all: ${s.diag.workerFallbacks.join('; ')}`);
    out('');
    const withPhases = diags.filter((s) => s.diag.phases.mergePhases?.length);
    if (withPhases.length) {
      out('### Merge phases (seconds; "normalise" and "resolve: candidate pairs and scores" run on two threads from 20,000 entries, "joint threats and JSON" from 250,000)');
      out('');
      const names = [...new Set(withPhases.flatMap((s) => s.diag.phases.mergePhases.map(([n]) => n)))];
      // GC pauses of the main thread within each phase (Node's perf_hooks 'gc' entries).
      const gc = (s, n) => (s.diag.phases.gcPauses ? sec(s.diag.phases.gcPauses[n] ?? 0) : '—');
      out(table(['phase', ...withPhases.map((s) => s.label), ...withPhases.map((s) => `GC pauses ${s.label}`)], [
        ['load (read, parse, validate)', ...withPhases.map((s) => sec(s.diag.phases.load)), ...withPhases.map((s) => gc(s, 'load (read, parse, validate)'))],
        ...names.map((n) => [n, ...withPhases.map((s) => sec(s.diag.phases.mergePhases.filter(([m]) => m === n).reduce((a, [, ms]) => a + ms, 0))), ...withPhases.map((s) => gc(s, n))]),
        ['joint threats (evidence explained) and JSON', ...withPhases.map((s) => sec(s.diag.phases.stringify)), ...withPhases.map((s) => gc(s, s.diag.phases.streaming ? 'joint threats and JSON' : 'render JSON'))],
      ]));
      out('');
    }
    const q = diags.filter((s) => s.diag.quality);
    if (q.length) {
      out('### Dedup quality against truth.json');
      out('');
      const rows = [];
      for (const s of q) {
        const d = s.diag.quality;
        for (const [k, e] of [['overall', d.overall], ['named', d.named], ['unnamed', d.unnamed]]) {
          rows.push([`${s.label} ${k}`, e.entries.toLocaleString('en-US'), pct(e.pairwise.precision), pct(e.pairwise.recall), pct(e.pairwise.f1), pct(e.bcubed.precision), pct(e.bcubed.recall), pct(e.bcubed.f1)]);
        }
        rows.push([`${s.label} groups`, `${d.trueGroups.toLocaleString('en-US')} true → ${s.diag.threats.toLocaleString('en-US')} predicted`, '', '', '', '', '', '']);
      }
      out(table(['corpus', 'entries', 'pairwise P %', 'R %', 'F1 %', 'B-cubed P %', 'R %', 'F1 %'], rows));
      out('');
    }
  }
  if (profiles.length) {
    out('## Where the time goes (CPU profile, self time, one run)');
    out('');
    for (const p of profiles) {
      out(`- ${p.title} (${(p.total / 1000).toFixed(1)} s sampled): ${p.top.map((t) => `${t.fn} ${pct(t.share)} %`).join('; ')}`);
    }
    out('');
  }
  writeFileSync(resolve(ROOT, opts.output), `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`);
  // The raw numbers go beside the tables when these go elsewhere (a test's run must not replace the real ones).
  const rawFile = resolve(opts.output) === resolve(ROOT, 'bench', 'results.md') ? join(OUT, 'results.json') : resolve(opts.output).replace(/(\.md)?$/, '.json');
  writeFileSync(rawFile, `${JSON.stringify({ cmdline, started, results, small, profiles }, null, 2)}\n`);
  log(`\nwrote ${opts.output} and ${relative(ROOT, rawFile)}`);
  rmSync(TMP, { recursive: true, force: true });
}

if (process.argv[2] === '--diagnose') {
  await diagnose(process.argv[3], process.argv[4], process.argv[5], process.argv[6] === '1');
} else {
  try {
    await main();
  } catch (err) {
    console.error(`bench: ${err.message}`);
    if (TMP) rmSync(TMP, { recursive: true, force: true });
    if (APP !== ROOT) rmSync(APP, { recursive: true, force: true });
    process.exitCode = 2;
  }
}
