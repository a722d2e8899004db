/**
 * Build step: compile the submission schema to standalone validation code, so that a run does
 * not load ajv's compiler nor compile the schema (about 0.3 s of every start-up). The module
 * records a hash of the schema it was made from; a stale one is ignored at run time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import _standaloneCode from 'ajv/dist/standalone/index.js';
import { createAjv } from '../core/validate.js';

const standaloneCode = _standaloneCode as unknown as typeof _standaloneCode.default;

const schemaFile = fileURLToPath(new URL('../../schemas/threat-assessment.v1.schema.json', import.meta.url));
const target = fileURLToPath(new URL('../core/submission-schema.generated.js', import.meta.url));

const text = readFileSync(schemaFile, 'utf8');
const ajv = createAjv({ standalone: true });
const validate = ajv.compile(JSON.parse(text) as object);
const code = standaloneCode(ajv, validate);
const hash = createHash('sha256').update(text).digest('hex');
// ajv's standalone code calls require() for its runtime helpers; give the ES module one.
const prelude = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const schemaHash = ${JSON.stringify(hash)};\n`;
writeFileSync(target, prelude + code.replace(/^"use strict";/, ''));
