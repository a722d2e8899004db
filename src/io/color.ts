import { Chalk, type ChalkInstance } from 'chalk';
import type { Io, OutStream } from './io.js';

/**
 * Decide colour once: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then "is it a terminal".
 * chalk 5 ignores NO_COLOR itself, so the decision is made here.
 */
export function chalkFor(stream: OutStream, io: Io, flag: boolean | undefined): ChalkInstance {
  return new Chalk({ level: colourWanted(stream, io, flag) ? 1 : 0 });
}

function colourWanted(stream: OutStream, io: Io, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY && io.env['TERM'] !== 'dumb';
}
