import { contract } from '../contract/contract.js';
import { ALL_KINDS, type Rule } from '../contract/rule.js';
import { checkAccount, needsAccountGuard, type AccountCheck } from '../targets/aws/accountGuard.js';
import { resolveOtherRegion, type OtherRegion } from '../targets/aws/otherRegion.js';
import { credentialsFor, type CredentialProvider } from '../targets/aws/credentialSource.js';
import type { QuotaRates } from '../targets/pacing/quotaLimiter.js';
import { quotaRatesFor } from '../targets/pacing/runQuotas.js';
import { newRunIdPrefix } from '../targets/pool/runIdPrefix.js';
import { loadTargetConfig, type TargetConfig } from '../targets/targetConfig.js';
import { targetName } from '../targets/targetName.js';
import { planRun, type RunPlan } from './runPlan.js';
import type { RunSettings } from './runSettings.js';
import { selectRules } from './selectRules.js';

/**
 * What a run is, decided before anything is started or created: the target configuration, the
 * account the credentials belong to (checked against the allowed ones), the run id prefix, the
 * rules, the quotas and the plan. `run --plan` prints the plan and stops here; a run hands this to
 * prepareRun, so the names the plan shows are the names the run creates.
 */
export interface ResolvedRun {
  config: TargetConfig;
  /** The account guard's answer: `guarded: false` for loopback emulators. */
  account: AccountCheck;
  /** The credentials the guard resolved, for the Target (resolved once). */
  credentials: CredentialProvider;
  runIdPrefix: string;
  rules: readonly Rule[];
  /** Absent: no quota (an emulator without --pool-rps/--account-rps). */
  quotas?: QuotaRates;
  plan: RunPlan;
  /** The second region of the region rules, or why the run has none (targets/aws/otherRegion.ts). */
  otherRegion: OtherRegion;
}

export interface ResolveOptions {
  /** The configuration when the caller loaded it already. */
  config?: TargetConfig;
  /** Environment for local credentials; the process's by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** For tests: a fixed run id prefix. */
  runIdPrefix?: string;
  /** At most this many pools (plain vitest: 1, its suite files each use the first pool). */
  maxPools?: number;
}

/**
 * Resolves the configuration, then runs the account guard (targets/aws/accountGuard.ts) before
 * anything else: against AWS or any endpoint that is not loopback it refuses at once without an
 * allowed account, and otherwise asks STS GetCallerIdentity, the only request sent here. Loopback
 * emulators are not asked anything.
 */
export async function resolveRun(settings: RunSettings, options: ResolveOptions = {}): Promise<ResolvedRun> {
  const config = options.config ?? (await loadTargetConfig(settings.target));
  const credentials = credentialsFor(config.credentials, {
    ...(config.profile === undefined ? {} : { profile: config.profile }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  const account = await checkAccount({
    targetKind: config.kind,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(settings.accounts === undefined ? {} : { allowed: settings.accounts }),
    credentials,
    region: config.region,
  });
  const otherRegion = resolveOtherRegion(config, settings.otherRegion, settings.otherRegionLabel);
  // The second region is guarded as the first: an endpoint that needs the guard is sent nothing
  // before the credentials' account is known to be allowed. The account is the credentials', the
  // same in every region, so the main target's answer stands when it was asked.
  if ('region' in otherRegion && otherRegion.endpoint !== undefined && needsAccountGuard(config.kind, otherRegion.endpoint) && !account.guarded) {
    await checkAccount({
      targetKind: config.kind,
      endpoint: otherRegion.endpoint,
      ...(settings.accounts === undefined ? {} : { allowed: settings.accounts }),
      credentials,
      region: otherRegion.region,
    });
  }
  const runIdPrefix = options.runIdPrefix ?? newRunIdPrefix();
  const rules = selectRules(contract.rules, ALL_KINDS, settings.rules);
  const quotas = quotaRatesFor(config.kind, settings.rates);
  const plan = planRun({
    rules,
    runs: settings.runs,
    runIdPrefix,
    target: {
      name: targetName(config, settings.name),
      kind: config.kind,
      ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
      region: config.region,
      transport: settings.transport,
      concurrency: settings.concurrency ?? config.limits.concurrency,
    },
    ...(quotas === undefined ? {} : { quotas }),
    ...(account.guarded ? { account: { account: account.account, arn: account.arn } } : {}),
    ...(settings.budget === undefined ? {} : { budget: settings.budget }),
    // A recording names one pool for all its cases (targets/recording/recordingTarget.ts setPool); --user-pool-id names one pool.
    ...(settings.record === undefined && settings.userPoolId === undefined ? (options.maxPools === undefined ? {} : { maxPools: options.maxPools }) : { maxPools: 1 }),
    ...(settings.userPoolId === undefined ? {} : { existingPoolId: settings.userPoolId }),
    otherRegion: 'skipped' in otherRegion ? { skipped: otherRegion.skipped } : { region: otherRegion.region },
  });
  return { config, account, credentials, runIdPrefix, rules, ...(quotas === undefined ? {} : { quotas }), plan, otherRegion };
}
