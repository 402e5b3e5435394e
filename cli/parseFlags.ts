import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usageError.js';

/**
 * `parseArgs` (strict) for one subcommand: a flag it does not know, or a missing value, is a
 * UsageError whose one line points at the subcommand's help.
 */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals = false,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: boolean }>> {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (err) {
    throw new UsageError(`${(err as Error).message.split('\n')[0]} (see ${command} --help)`);
  }
}
