#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';

// V8 lets its heap grow to a few times what is live before collecting; a large merge then sat at
// twice the memory it needed (4.5 GB of RSS for 2.7 GB live at a million entries). Growing by
// 30 % at most keeps the peak near the live data at the same speed (docs/performance.md). A
// setting of the user's own (NODE_OPTIONS or node's arguments) is left alone.
if (![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('heap-growing-percent'))) {
  setFlagsFromString('--heap-growing-percent=30');
}

const { main } = await import('../dist/cli.js');
const { realIo } = await import('../dist/io/real-io.js');

process.exitCode = await main(process.argv.slice(2), realIo());
