import { readFileSync } from 'node:fs';
import { HarnessError } from '../targets/harnessError.js';

/**
 * Reads a JSON file the user named (a report, a baseline). An unreadable file or bad JSON is a
 * HarnessError `E_CONFIG` whose one line names the kind of file, its path and the problem.
 */
export function readJsonFile(path: string, kind: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new HarnessError('E_CONFIG', `${kind} ${path}: cannot read it (${code === 'ENOENT' ? 'no such file' : code ?? (err as Error).message})`, { cause: err });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new HarnessError('E_CONFIG', `${kind} ${path}: not JSON (${(err as Error).message.split('\n')[0]})`, { cause: err });
  }
}
