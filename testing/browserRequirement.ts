import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where Debian and Ubuntu put chromium; CHROMIUM_PATH wins, then these names on PATH. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser'];

export interface BrowserRequirement {
  /** The chromium to drive, when one was found. */
  chromium?: string;
  /** Why the browser tests are skipped (no chromium, CI not set). */
  skip?: string;
  /** Why the browser tests must fail (no chromium although CI is set). */
  fail?: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** CI=true, CI=1 and any other value but empty, "0" and "false" mean a CI run (GitHub, GitLab, .ci/run). */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * Whether the scorecard's browser test can, must or may not run: it runs where chromium is
 * found, fails with a clear message where it is missing in CI (so CI never passes unchecked), and
 * is skipped with a reason on a machine without chromium outside CI (the README's `npm test` on a
 * fresh clone).
 */
export function browserRequirement(env: NodeJS.ProcessEnv): BrowserRequirement {
  const candidates = env.CHROMIUM_PATH
    ? [env.CHROMIUM_PATH]
    : (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => CHROMIUM_NAMES.map((name) => join(dir, name)));
  const chromium = candidates.find(executable);
  if (chromium) return { chromium };
  const where = env.CHROMIUM_PATH ? `at CHROMIUM_PATH=${env.CHROMIUM_PATH}` : `on PATH (${CHROMIUM_NAMES.join(', ')})`;
  const install = 'install Debian\'s chromium (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH';
  if (isCi(env)) return { fail: `no chromium ${where}, and CI is set, so the scorecard browser test is required: ${install}` };
  return { skip: `no chromium ${where}; the scorecard browser test is skipped (it is required when CI is set): ${install}` };
}
