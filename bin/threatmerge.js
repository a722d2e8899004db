#!/usr/bin/env node
import { main } from '../dist/cli.js';
import { realIo } from '../dist/io/real-io.js';

process.exitCode = await main(process.argv.slice(2), realIo());
