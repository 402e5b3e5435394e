import { basename } from 'node:path';
import { contract } from '../contract/contract.js';
import { openTarget } from '../targets/openTarget.js';
import { useExistingPool } from '../targets/pool/existingPool.js';
import { createPoolFixture, type RunPool } from '../targets/pool/poolFixture.js';
import type { QuotaCounts } from '../targets/pacing/quotaLimiter.js';
import { withRecording, type RecordingTarget } from '../targets/recording/recordingTarget.js';
import type { CleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import type { Target } from '../targets/exchange.js';
import type { RunInfo } from '../reports/buildRunReport.js';
import { resolveRun, type ResolvedRun } from './resolveRun.js';
import type { RunContext } from './runContext.js';
import { RUN_DEFAULTS, type RunSettings } from './runSettings.js';
import { toolVersion } from './toolVersion.js';
import { openOtherRegionTarget, otherRegionSettings } from '../targets/aws/otherRegionTarget.js';
import type { RuleEnv } from './checkRule.js';

export interface PreparedRun {
  context: RunContext;
  runInfo: RunInfo;
  /**
   * The run's Target, for the in-process runner (vitest workers build their own from
   * context.target); with `--record`, the recording wrapper around it.
   */
  target: Target;
  /** What was decided before anything started: account, run id prefix, rules, quotas, plan. */
  resolved: ResolvedRun;
  /** The recording, with `--record DIR`. */
  recording?: RecordingTarget;
  /** The target in the run's second region (region rules), or why the run has none. */
  otherRegion: NonNullable<RuleEnv['otherRegion']>;
  /** Requests sent, throttled and retried so far by this process's Target (the quota limiter's counts). */
  traffic(): QuotaCounts;
  /** Remove everything the run created and stop what it started. Idempotent. */
  close(): Promise<void>;
  /** After close(): what teardown could not delete but the pool's deletion removed anyway (targets/pool/poolTeardown.ts). */
  teardownNotes(): readonly string[];
}

/**
 * Everything before the first case: resolve the run (resolveRun: the account guard runs there,
 * before anything is started or created) unless the caller did, open the target (starting the
 * embedded emulator when no target is given), wrap it in the recording with `--record`, create the
 * run's pool fixture through it (so the fixture and its teardown are recorded too). Each step
 * registers its undoing with the cleanup registry first, so an error or a signal at any point
 * leaves nothing behind.
 */
export async function prepareRun(settings: RunSettings, registry: CleanupRegistry, resolvedRun?: ResolvedRun): Promise<PreparedRun> {
  const resolved = resolvedRun ?? (await resolveRun(settings));
  const { config } = resolved;
  // The run's pools (resolved.plan.pools of them), the first one first; one with --user-pool-id.
  const fixtures: RunPool[] = [];
  let opened: Awaited<ReturnType<typeof openTarget>> | undefined;
  let other: Target | undefined;
  const handle = registry.register('conformance run', async () => {
    // One after the other, newest first: cognito-local garbles its store under parallel writes.
    let failure: unknown;
    for (const f of [...fixtures].reverse()) await f.cleanup().catch((err: unknown) => (failure ??= err));
    await other?.close();
    await opened?.close();
    if (failure !== undefined) throw failure;
  });
  try {
    opened = await openTarget(config, {
      registry,
      transport: settings.transport,
      credentials: resolved.credentials,
      ...(settings.rates === undefined ? {} : { rates: settings.rates }),
      ...(settings.concurrency === undefined ? {} : { concurrency: settings.concurrency }),
      ...(settings.name === undefined ? {} : { name: settings.name }),
      ...(settings.sdkFrom === undefined ? {} : { sdkFrom: settings.sdkFrom }),
    });
    const recording = settings.record === undefined ? undefined : withRecording(opened.target, settings.record);
    let runTarget: Target = recording ?? opened.target;
    const runId = resolved.runIdPrefix;
    // Emulators do not call Amazon Pinpoint, so well-formed made-up analytics values exercise the
    // analytics rules there; against AWS they need a real project, which a run does not create.
    const syntheticAnalytics = config.kind === 'emulator';
    if (settings.userPoolId === undefined) {
      for (let index = 1; index <= resolved.plan.pools; index++) {
        const made = await createPoolFixture(runTarget, { runIdPrefix: runId, index, syntheticAnalytics, registry });
        fixtures.push(made);
        // Rules are spread over pools that are alike: one that came out otherwise is not used.
        if (JSON.stringify(made.capabilities) !== JSON.stringify(fixtures[0]?.capabilities)) break;
      }
    } else {
      // A pool someone else owns: read, never changed; the run's requests go through the ledger
      // of the clients it creates, which is all its teardown deletes.
      const existing = await useExistingPool(runTarget, { userPoolId: settings.userPoolId, runIdPrefix: runId, syntheticAnalytics });
      fixtures.push(existing);
      runTarget = existing.target;
    }
    const fixture = fixtures[0] as RunPool;
    const pools = fixtures.filter((f) => JSON.stringify(f.capabilities) === JSON.stringify(fixture.capabilities)).map((f) => f.context);
    recording?.setPool(fixture.context);
    const target = opened.settings;
    // The second region (targets/aws/otherRegion.ts): the same target signed for another region; an
    // embedded emulator's endpoint is known only now.
    const second = resolved.otherRegion;
    const secondSettings = 'skipped' in second ? undefined : otherRegionSettings(target, second);
    if (secondSettings !== undefined) {
      const openedOther = await openOtherRegionTarget(secondSettings, { credentials: resolved.credentials });
      other = recording === undefined ? openedOther : withRecording(openedOther, settings.record as string, {
        fileName: basename(recording.file, '.jsonl') + `-${secondSettings.region}.jsonl`,
        pool: fixture.context,
      });
    }
    const startedAt = new Date().toISOString();
    const context: RunContext = {
      runId,
      seed: settings.seed,
      runs: settings.runs,
      target,
      pool: fixture.context,
      ...(pools.length > 1 ? { pools } : {}),
      capabilities: fixture.capabilities,
      startedAt,
      targetArgs: settings.targetArgs,
      ruleTimeLimitMs: RUN_DEFAULTS.ruleTimeLimitMs,
      ...(settings.replayPath === undefined ? {} : { replayPath: settings.replayPath }),
      ...(settings.rules === undefined ? {} : { rules: settings.rules }),
      otherRegion: secondSettings === undefined ? { skipped: (second as { skipped: string }).skipped } : { settings: secondSettings },
    };
    const info = opened.target.info;
    const runInfo: RunInfo = {
      target: {
        name: target.name, endpoint: info.endpoint, region: target.region, transport: target.transport,
        ...(info.sdkVersion === undefined ? {} : { sdkVersion: info.sdkVersion }),
        ...(info.sdkOrigin === undefined ? {} : { sdkOrigin: info.sdkOrigin }),
        // After the fixture's first answers: what answered them, as information (never the name).
        ...(opened.server === undefined ? {} : { server: opened.server }),
        ...(resolved.account.guarded ? { account: resolved.account.account } : {}),
      },
      seed: settings.seed,
      runs: settings.runs,
      startedAt,
      capabilities: fixture.capabilities,
      toolVersion: toolVersion(),
      modelDate: contract.modelDate,
      rulesInContract: contract.rules.length,
      // An AWS report opens with what the run planned to do there; an emulator's needs no plan.
      ...(config.kind === 'aws' ? { plan: resolved.plan } : {}),
    };
    const live = opened;
    return {
      context, runInfo, target: runTarget, resolved,
      otherRegion: other === undefined || secondSettings === undefined ? { skipped: (second as { skipped: string }).skipped } : { region: secondSettings.region, target: other },
      ...(recording === undefined ? {} : { recording }),
      traffic: () => live.traffic(),
      close: () => handle.run(),
      teardownNotes: () => fixtures.flatMap((f) => f.notes),
    };
  } catch (err) {
    await handle.run();
    throw err;
  }
}
