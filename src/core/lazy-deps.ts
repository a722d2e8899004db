/**
 * Libraries loaded on first use. A valid submission never needs the `yaml` package (exact
 * positions are worked out only for files with problems), and with the schema compiled at build
 * time `validate` never needs ajv's compiler; loading both cost ~130 ms of every start, a tenth
 * of a CI run over a thousand small files. JSON inputs never need js-yaml (~20 ms per thread).
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type JsYaml from 'js-yaml';
import type * as Ajv from 'ajv/dist/2020.js';
import type AddFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

let yaml: typeof Yaml | undefined;
let jsYaml: typeof JsYaml | undefined;
let ajv: typeof Ajv | undefined;
let addFormats: typeof AddFormats.default | undefined;

export function yamlLibrary(): typeof Yaml {
  return (yaml ??= require('yaml') as typeof Yaml);
}

export function jsYamlLibrary(): typeof JsYaml {
  return (jsYaml ??= require('js-yaml') as typeof JsYaml);
}

export function ajvLibrary(): { Ajv2020: typeof Ajv.Ajv2020; addFormats: typeof AddFormats.default } {
  ajv ??= require('ajv/dist/2020.js') as typeof Ajv;
  addFormats ??= require('ajv-formats') as typeof AddFormats.default;
  return { Ajv2020: ajv.Ajv2020, addFormats };
}
