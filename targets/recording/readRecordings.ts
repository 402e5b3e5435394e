import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { HarnessError } from '../harnessError.js';
import type { LoadedRecord, RecordedExchange } from './recordedExchange.js';

/**
 * Reads recorded exchanges (recordedExchange.schema.json) from `.jsonl` files and directories.
 * A path that does not exist, or a directory without recordings, is a HarnessError `E_USAGE`; a
 * line that is not a valid record is a HarnessError `E_CONFIG` whose one-line message is `file:line: reason`.
 * Both exit 2: a recording that cannot be read is never judged in part.
 */
const SCHEMA_URL = new URL('./recordedExchange.schema.json', import.meta.url);

/** The schema itself, for tests and documentation. */
export const recordedExchangeSchema: Record<string, unknown> = JSON.parse(readFileSync(SCHEMA_URL, 'utf8'));

const ajv = new Ajv({ allErrors: false, strict: true, unicodeRegExp: true });
const validate = ajv.compile<RecordedExchange>(recordedExchangeSchema);

/** `/response/status` → `response.status`; `/redacted/0` → `redacted[0]`. */
function fieldPath(instancePath: string): string {
  let out = '';
  for (const part of instancePath.split('/').slice(1)) out += /^\d+$/.test(part) ? `[${part}]` : (out ? '.' : '') + part;
  return out;
}

function valueAt(value: unknown, instancePath: string): unknown {
  let cur = value;
  for (const part of instancePath.split('/').slice(1)) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return cur;
}

function brief(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function explain(e: ErrorObject, value: unknown): string {
  const at = fieldPath(e.instancePath);
  const prefix = at ? `${at}: ` : '';
  switch (e.keyword) {
    case 'required':
      return `${prefix}missing "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `${prefix}unknown field "${(e.params as { additionalProperty: string }).additionalProperty}" (see targets/recording/recordedExchange.schema.json)`;
    case 'enum':
      return `${at} is ${brief(valueAt(value, e.instancePath))}, not one of ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'pattern':
      return at === 'recordedAt'
        ? `recordedAt ${brief(valueAt(value, e.instancePath))} is not an ISO 8601 date (YYYY-MM-DD) or date-time with a zone`
        : `${at} ${brief(valueAt(value, e.instancePath))} does not match ${(e.params as { pattern: string }).pattern}`;
    default:
      return `${at || '(record)'} ${e.message ?? e.keyword}`;
  }
}

/** Why `value` is not a recorded exchange, in one line without a location; undefined when it is one. */
export function recordProblem(value: unknown): string | undefined {
  if (!validate(value)) return explain((validate.errors as ErrorObject[])[0], value);
  if (Number.isNaN(Date.parse(value.recordedAt))) return `recordedAt ${brief(value.recordedAt)} is not a real date`;
  if (value.response.rawBody !== undefined && value.response.body !== null) return 'response.rawBody is only for a body that is not JSON (then body is null)';
  return undefined;
}

/** Every `.jsonl` file under `dir`, recursively, in name order (so a corpus reads the same everywhere). */
function jsonlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonlFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.jsonl')) out.push(path);
  }
  return out;
}

/** The files a list of paths names: files as given, directories expanded to their `.jsonl` files. */
export function recordingFiles(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new HarnessError('E_USAGE', 'no recording given: name .jsonl files or directories holding them');
  const files: string[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new HarnessError('E_USAGE', `${path}: no such file or directory`);
    if (statSync(path).isDirectory()) {
      const found = jsonlFiles(path);
      if (found.length === 0) throw new HarnessError('E_USAGE', `${path}: no .jsonl recordings in this directory`);
      files.push(...found);
    } else files.push(path);
  }
  return [...new Set(files)];
}

/** Records of one file's text; `file` names it in errors. */
export function parseRecordings(text: string, file: string): LoadedRecord[] {
  const out: LoadedRecord[] = [];
  const lines = text.split('\n');
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new HarnessError('E_CONFIG', `${file}:${line}: not JSON (${(err as Error).message.split('\n')[0]})`);
    }
    const problem = recordProblem(value);
    if (problem) throw new HarnessError('E_CONFIG', `${file}:${line}: ${problem}`);
    const record = value as RecordedExchange;
    out.push({ record, file, line, key: record.id ?? `${file}:${line}` });
  }
  return out;
}

/**
 * Every record of the given files and directories, in file order then line order. Ids must be
 * unique across everything read together: reports and the contract's evidence name records by id.
 */
export function readRecordings(paths: readonly string[], options: { relativeTo?: string } = {}): LoadedRecord[] {
  const out: LoadedRecord[] = [];
  const seen = new Map<string, string>();
  for (const path of recordingFiles(paths)) {
    const file = options.relativeTo === undefined ? path : relative(options.relativeTo, path);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new HarnessError('E_CONFIG', `${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    for (const loaded of parseRecordings(text, file)) {
      const id = loaded.record.id;
      if (id !== undefined) {
        const where = `${loaded.file}:${loaded.line}`;
        const first = seen.get(id);
        if (first) throw new HarnessError('E_CONFIG', `${where}: id "${id}" is already used at ${first}`);
        seen.set(id, where);
      }
      out.push(loaded);
    }
  }
  return out;
}
