import { HarnessError } from '../targets/harnessError.js';

/**
 * Durations as flags take them (`--older-than 2h`, `--time-budget 45m`): one or more
 * `<number><unit>` parts, units `ms`, `s`, `m`, `h`, `d` (`1h30m`, `90s`, `1.5h`), or `0`. A bare
 * number other than 0 is refused: minutes or seconds would be a guess.
 */
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

export function parseDuration(flag: string, raw: string): number {
  const text = raw.trim();
  if (text === '0') return 0;
  if (!WHOLE.test(text)) throw new HarnessError('E_USAGE', `${flag} must be a duration like 90s, 45m, 2h or 1h30m, got ${JSON.stringify(raw.slice(0, 40))}`);
  let ms = 0;
  for (const [, n, unit] of text.matchAll(PART)) ms += Number(n) * (UNIT_MS[unit as string] as number);
  return Math.round(ms);
}
