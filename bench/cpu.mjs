#!/usr/bin/env node
/**
 * Where a command's CPU time goes, thread by thread, and how much of it is V8's garbage collector.
 *
 *   node bench/cpu.mjs [--gc] -- node bin/threatmerge.js merge bench/out/100k-json -f json -o OUT -q
 *
 * The bench's CPU column sums every thread of a merge; on two cores that sum, not the main
 * thread alone, is what bounds the wall time. This samples /proc/<pid>/task/<tid>/stat of the
 * command and of the processes it starts (a large merge reruns itself) every 50 ms, and prints each
 * thread's user + system time, with when it started. Node names every thread "node"; by order of
 * start: the main thread, then (at start-up) V8's platform threads — the collector's parallel and
 * concurrent work and the optimising compiler run there — and libuv's pool, then (later) the
 * merge's own worker threads. With --gc the command, which must start with `node`, runs with
 * `--trace-gc-nvp`, and the collector's own accounts are summed per isolate: pauses (on the
 * isolate's thread) and background work (on V8's platform threads). Linux only.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
const gc = argv.slice(0, Math.max(0, dash)).includes('--gc');
const command = dash === -1 ? argv : argv.slice(dash + 1);
if (command.length === 0) {
  console.error('usage: node bench/cpu.mjs [--gc] -- node … (a command to run)');
  process.exit(2);
}
if (gc && !/(^|\/)node$/.test(command[0])) {
  console.error('--gc needs a command that starts with node');
  process.exit(2);
}
const [cmd, ...args] = gc ? [command[0], '--trace-gc-nvp', ...command.slice(1)] : command;

const TICKS = 100; // USER_HZ: clock ticks per second in /proc (100 on Linux)
const threads = new Map(); // `${pid}/${tid}` → { pid, tid, cpu, start }
const children = (pid) => {
  const out = [];
  for (const tid of tasksOf(pid)) {
    try {
      out.push(...readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // gone
    }
  }
  return out;
};
const tasksOf = (pid) => {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
};
const sample = (pid) => {
  for (const tid of tasksOf(pid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threads.set(`${pid}/${tid}`, { pid, tid, cpu: (Number(f[11]) + Number(f[12])) / TICKS, start: Number(f[19]) / TICKS });
    } catch {
      // gone
    }
  }
  for (const child of children(pid)) sample(child);
};

// Per isolate (the process and address trace-gc-nvp prints), in the order each first logs. A
// worker's isolate may reuse the address of one that has ended; their accounts are then summed.
const isolates = new Map();
const account = (line) => {
  const at = /^\[(\d+):(0x[0-9a-f]+)\]/.exec(line);
  if (!at || !line.includes(' gc=')) return false;
  const key = `${at[1]}:${at[2]}`;
  const isolate = isolates.get(key) ?? { pid: Number(at[1]), address: at[2], scavenges: 0, markCompacts: 0, pause: 0, background: 0 };
  isolates.set(key, isolate);
  for (const field of line.split(' ')) {
    const eq = field.indexOf('=');
    if (eq === -1) continue;
    const key = field.slice(0, eq);
    const value = field.slice(eq + 1);
    if (key === 'gc') value === 's' ? isolate.scavenges++ : value === 'mc' ? isolate.markCompacts++ : undefined;
    else if (key === 'pause') isolate.pause += Number(value);
    else if (key.startsWith('background.')) isolate.background += Number(value);
  }
  return true;
};

// A merge that reruns itself is followed through /proc/…/children, which some kernels lack.
try {
  readFileSync(`/proc/self/task/${process.pid}/children`);
} catch {
  console.error('note: this kernel has no /proc/…/children; processes the command starts are not counted');
}

const started = performance.now();
// Only with --gc does the command's standard output pass through here (to take the trace's lines out).
const child = spawn(cmd, args, { stdio: ['inherit', gc ? 'pipe' : 'inherit', 'inherit'] });
if (gc) {
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!account(line)) console.log(line);
  });
}
const timer = setInterval(() => sample(child.pid), 50);
let failed = false;
child.on('error', (err) => {
  failed = true;
  clearInterval(timer);
  console.error(`cannot run ${cmd}: ${err.message}`);
  process.exitCode = 127;
});
// 'close', not 'exit': the trace's last lines may still be in the pipe when the process exits.
child.on('close', (code, signal) => {
  if (failed) return; // never started: 'error' said why
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  const s = (x) => `${x.toFixed(2)} s`;
  const rows = [...threads.values()].sort((a, b) => a.pid - b.pid || a.tid - b.tid);
  const total = rows.reduce((sum, t) => sum + t.cpu, 0);
  console.log(`\n${args.join(' ')}\nexit ${code ?? signal}; wall ${s(wall)}; CPU ${s(total)} in ${rows.length} threads (threads that ended between two samples count up to their last sample)`);
  for (const pid of new Set(rows.map((t) => t.pid))) {
    const own = rows.filter((t) => t.pid === pid);
    const main = own.find((t) => t.tid === pid);
    const origin = main?.start ?? own[0].start;
    console.log(`process ${pid}: main thread ${s(main?.cpu ?? 0)}, other threads ${s(own.reduce((sum, t) => sum + t.cpu, 0) - (main?.cpu ?? 0))}`);
    for (const t of own) if (t !== main && t.cpu >= 0.05) console.log(`  thread ${t.tid}, started +${(t.start - origin).toFixed(2)} s: ${s(t.cpu)}`);
  }
  if (gc) {
    const logged = new Set();
    for (const g of isolates.values()) {
      // A process's main isolate is made first, so it logs first unless a worker collects before it ever does.
      const first = !logged.has(g.pid);
      logged.add(g.pid);
      console.log(`GC, process ${g.pid}, isolate ${g.address}${first ? ' (first to log: the main thread, as a rule)' : ''}: ${g.scavenges} scavenges, ${g.markCompacts} mark-compacts; pauses ${s(g.pause / 1000)}, background ${s(g.background / 1000)}`);
    }
    const all = [...isolates.values()];
    console.log(`GC, all isolates: pauses ${s(all.reduce((x, g) => x + g.pause, 0) / 1000)}, background ${s(all.reduce((x, g) => x + g.background, 0) / 1000)} (V8's own accounts: pauses stop an isolate's thread; background is the time of V8's background tasks, which can include waiting for a core, so the platform threads' CPU above is the firmer figure)`);
  }
  process.exitCode = code ?? 1;
});
