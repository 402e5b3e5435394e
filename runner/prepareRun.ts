import { contract } from '../contract/contract.js';
import { loadTargetConfig, type TargetFlags } from '../targets/targetConfig.js';
import { startEmbeddedCognitoLocal, type EmbeddedCognitoLocal } from '../targets/embeddedCognitoLocal.js';
import { createPoolFixture, type PoolFixture } from '../targets/poolFixture.js';
import { newRunIdPrefix } from '../targets/runIdPrefix.js';
import type { CleanupRegistry } from '../targets/cleanupRegistry.js';
import type { Target } from '../targets/exchange.js';
import type { RunInfo } from '../reports/resultCollector.js';
import type { RunContext, TargetSettings } from './runContext.js';
import { targetFromSettings } from './targetFromSettings.js';
import { SDK_CLIENT_VERSION } from '../targets/sdkTarget.js';
import { toolVersion } from './toolVersion.js';

export interface RunRequest {
  flags: TargetFlags;
  transport: 'http' | 'sdk';
  seed: number;
  runs: number;
  rules?: string;
  concurrency?: number;
  replayPath?: string;
  /** The target flags as typed, for replay commands. */
  targetFlags: string;
}

export interface PreparedRun {
  context: RunContext;
  runInfo: RunInfo;
  /** Remove everything the run created and stop what it started. Idempotent. */
  close(): Promise<void>;
  /** After close(): what teardown could not delete but the pool's deletion removed anyway (targets/poolTeardown.ts). */
  teardownNotes(): readonly string[];
}

/**
 * Everything before the first case: resolve the target, start the embedded emulator when no
 * target is given, create the run's pool fixture. Each step registers its undoing with the
 * cleanup registry first, so an error or a signal at any point leaves nothing behind.
 */
export async function prepareRun(request: RunRequest, registry: CleanupRegistry): Promise<PreparedRun> {
  const config = await loadTargetConfig(request.flags);
  let embedded: EmbeddedCognitoLocal | undefined;
  let target: Target | undefined;
  let fixture: PoolFixture | undefined;
  const close = async () => {
    await fixture?.cleanup();
    await target?.close();
    await embedded?.stop();
  };
  const handle = registry.register('conformance run', close);
  try {
    if (config.embedded) embedded = await startEmbeddedCognitoLocal({ registry });
    const settings: TargetSettings = {
      name: config.embedded ? 'cognito-local' : config.name,
      kind: config.kind,
      endpoint: embedded?.endpoint ?? (config.endpoint as string),
      region: config.region,
      transport: request.transport,
      credentials: config.credentials,
      ...(config.profile === undefined ? {} : { profile: config.profile }),
      concurrency: request.concurrency ?? config.limits.concurrency,
      ...(config.limits.requestsPerSecond === undefined ? {} : { requestsPerSecond: config.limits.requestsPerSecond }),
    };
    target = targetFromSettings(settings);
    const runId = newRunIdPrefix();
    // Emulators do not call Amazon Pinpoint, so well-formed made-up analytics values exercise the
    // analytics rules there; against AWS they need a real project, which a run does not create.
    fixture = await createPoolFixture(target, { runIdPrefix: runId, syntheticAnalytics: config.kind === 'emulator', registry });
    const startedAt = new Date().toISOString();
    const context: RunContext = {
      runId,
      seed: request.seed,
      runs: request.runs,
      target: settings,
      pool: fixture.context,
      capabilities: fixture.capabilities,
      startedAt,
      targetFlags: request.targetFlags,
      ...(request.replayPath === undefined ? {} : { replayPath: request.replayPath }),
      ...(request.rules === undefined ? {} : { rules: request.rules }),
    };
    const runInfo: RunInfo = {
      target: {
        name: settings.name, endpoint: settings.endpoint, region: settings.region, transport: settings.transport,
        ...(settings.transport === 'sdk' ? { sdkVersion: SDK_CLIENT_VERSION } : {}),
      },
      seed: request.seed,
      runs: request.runs,
      startedAt,
      capabilities: fixture.capabilities,
      toolVersion: toolVersion(),
      modelDate: contract.modelDate,
      rulesInContract: contract.rules.length,
    };
    return { context, runInfo, close: () => handle.run(), teardownNotes: () => fixture?.notes ?? [] };
  } catch (err) {
    await handle.run();
    throw err;
  }
}
