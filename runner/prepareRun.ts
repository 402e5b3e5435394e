import { contract } from '../contract/contract.js';
import { loadTargetConfig, type TargetConfig } from '../targets/targetConfig.js';
import { openTarget } from '../targets/openTarget.js';
import { createPoolFixture, type PoolFixture } from '../targets/poolFixture.js';
import { newRunIdPrefix } from '../targets/runIdPrefix.js';
import type { CleanupRegistry } from '../targets/cleanupRegistry.js';
import type { Target } from '../targets/exchange.js';
import type { RunInfo } from '../reports/buildRunReport.js';
import type { RunContext } from './runContext.js';
import { RUN_DEFAULTS, type RunSettings } from './runSettings.js';
import { toolVersion } from './toolVersion.js';

export interface PreparedRun {
  context: RunContext;
  runInfo: RunInfo;
  /** The run's Target, for the in-process runner (vitest workers build their own from context.target). */
  target: Target;
  /** Remove everything the run created and stop what it started. Idempotent. */
  close(): Promise<void>;
  /** After close(): what teardown could not delete but the pool's deletion removed anyway (targets/poolTeardown.ts). */
  teardownNotes(): readonly string[];
}

/**
 * Everything before the first case: open the target (starting the embedded emulator when no
 * target is given), create the run's pool fixture. Each step registers its undoing with the
 * cleanup registry first, so an error or a signal at any point leaves nothing behind. `config`:
 * the target configuration when the caller resolved it already (to decide on baselines early).
 */
export async function prepareRun(settings: RunSettings, registry: CleanupRegistry, config?: TargetConfig): Promise<PreparedRun> {
  const resolved = config ?? (await loadTargetConfig(settings.target));
  let fixture: PoolFixture | undefined;
  let opened: Awaited<ReturnType<typeof openTarget>> | undefined;
  const handle = registry.register('conformance run', async () => {
    await fixture?.cleanup();
    await opened?.close();
  });
  try {
    opened = await openTarget(resolved, {
      registry,
      transport: settings.transport,
      ...(settings.concurrency === undefined ? {} : { concurrency: settings.concurrency }),
      ...(settings.name === undefined ? {} : { name: settings.name }),
    });
    const runId = newRunIdPrefix();
    // Emulators do not call Amazon Pinpoint, so well-formed made-up analytics values exercise the
    // analytics rules there; against AWS they need a real project, which a run does not create.
    fixture = await createPoolFixture(opened.target, { runIdPrefix: runId, syntheticAnalytics: resolved.kind === 'emulator', registry });
    // After the fixture's first answers, so that an --endpoint target is named after what answered.
    const target = opened.settings;
    const startedAt = new Date().toISOString();
    const context: RunContext = {
      runId,
      seed: settings.seed,
      runs: settings.runs,
      target,
      pool: fixture.context,
      capabilities: fixture.capabilities,
      startedAt,
      targetArgs: settings.targetArgs,
      ruleTimeLimitMs: RUN_DEFAULTS.ruleTimeLimitMs,
      ...(settings.replayPath === undefined ? {} : { replayPath: settings.replayPath }),
      ...(settings.rules === undefined ? {} : { rules: settings.rules }),
    };
    const info = opened.target.info;
    const runInfo: RunInfo = {
      target: {
        name: target.name, endpoint: info.endpoint, region: target.region, transport: target.transport,
        ...(info.sdkVersion === undefined ? {} : { sdkVersion: info.sdkVersion }),
      },
      seed: settings.seed,
      runs: settings.runs,
      startedAt,
      capabilities: fixture.capabilities,
      toolVersion: toolVersion(),
      modelDate: contract.modelDate,
      rulesInContract: contract.rules.length,
    };
    return { context, runInfo, target: opened.target, close: () => handle.run(), teardownNotes: () => fixture?.notes ?? [] };
  } catch (err) {
    await handle.run();
    throw err;
  }
}
