import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the model check (`check-spec.mjs`, which compares the contract with the AWS model) lives:
 * in the `shared` folder beside the clone, `../shared/tools/`, never at a fixed machine path. A
 * clone without that folder cannot run it: the check is then skipped with the reason, except in CI
 * (the `CI` variable set, as GitHub Actions and most CI services set it), where a missing checker
 * is a broken build, not a reason to skip.
 */
export type ModelCheckTool =
  | { ok: true; path: string }
  | { ok: false; required: boolean; reason: string };

export const MODEL_CHECK_RELATIVE_PATH = '../shared/tools/check-spec.mjs';

/** `repo`: the clone's root directory; `env`: where `CI` is read. */
export function modelCheckTool(repo: string, env: Readonly<Record<string, string | undefined>>): ModelCheckTool {
  const path = join(repo, MODEL_CHECK_RELATIVE_PATH);
  if (existsSync(path)) return { ok: true, path };
  const ci = env.CI;
  const required = ci !== undefined && ci !== '' && ci.toLowerCase() !== 'false' && ci !== '0';
  const reason = required
    ? `the model check is required in CI (CI=${JSON.stringify(ci)}) but ${MODEL_CHECK_RELATIVE_PATH} is not beside the clone: check out the shared folder next to it`
    : `model check skipped: ${MODEL_CHECK_RELATIVE_PATH} is not beside the clone (it is required when CI is set)`;
  return { ok: false, required, reason };
}
