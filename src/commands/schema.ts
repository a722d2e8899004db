import { readFile } from 'node:fs/promises';
import type { Io } from '../io/io.js';
import { schemaPath } from './inputs.js';
import { emit } from './output.js';

export const SCHEMAS = { submission: 'threat-assessment.v1.schema.json', merged: 'merged.v1.schema.json', config: 'config.v1.schema.json' } as const;
export type SchemaName = keyof typeof SCHEMAS;

export async function runSchema(name: SchemaName, options: { output?: string }, io: Io): Promise<number> {
  const text = await readFile(schemaPath(SCHEMAS[name]), 'utf8');
  await emit(text.endsWith('\n') ? text : `${text}\n`, options.output, io);
  return 0;
}
