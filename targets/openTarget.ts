import { processCleanupRegistry, type CleanupRegistry } from './pool/cleanupRegistry.js';
import { credentialsFor, type CredentialProvider } from './aws/credentialSource.js';
import { startEmbeddedCognitoLocal, type EmbeddedCognitoLocal } from './emulator/embeddedCognitoLocal.js';
import type { Exchange, Target } from './exchange.js';
import type { TargetConfig } from './targetConfig.js';
import { targetName } from './targetName.js';
import { createQuotaLimiter, type QuotaCounts, type QuotaLimiter } from './pacing/quotaLimiter.js';
import { quotaRatesFor, type GivenRates } from './pacing/runQuotas.js';
import { checkSdkFloor } from './sdk/sdkFloor.js';
import { resolveSdkSource } from './sdk/sdkSource.js';
import { targetFromSettings, type TargetSettings, type TargetTuning } from './targetSettings.js';
import { DEFAULT_TRANSPORT, type SdkFrom, type TransportName } from './transports/transports.js';

/** A resolved configuration turned into a live Target, with whatever it started. */
export interface OpenedTarget {
  target: Target;
  config: TargetConfig;
  /**
   * The settings the Target was built from, for reports and for processes that build their own
   * (vitest workers). `name` is final once the target has answered (see openTarget).
   */
  readonly settings: TargetSettings;
  /**
   * The `Server` header of the target's first answer, as information for reports: never the name
   * (an upgrade of an emulator's web server must not change which baseline applies).
   */
  readonly server?: string;
  /** Present when the configuration asked for the embedded cognito-local. */
  emulator?: EmbeddedCognitoLocal;
  /** The limiter every request of this Target goes through: at the quotas, or learning them from throttling when none are set. */
  quota?: QuotaLimiter;
  /** Requests sent, throttled and retried so far (the limiter's counts, or the transport's without one). */
  traffic(): QuotaCounts;
  /** Close the target's sockets, then stop the emulator if one was started. Idempotent. */
  close(): Promise<void>;
}

export interface OpenTargetOptions {
  registry?: CleanupRegistry;
  transport?: TransportName;
  /** Requests in flight; the configuration's limit by default. */
  concurrency?: number;
  /** The target's name in reports (`--name`); see openTarget for the default. */
  name?: string;
  /** Environment for local credentials; the process's by default. */
  env?: Readonly<Record<string, string | undefined>>;
  /** A provider already made (the account guard used it); by default one from the configuration. */
  credentials?: CredentialProvider;
  /** `--pool-rps`, `--account-rps`; the quotas follow from these and the kind of target (runQuotas.ts). */
  rates?: GivenRates;
  /** `--sdk-from DIR`: where the SDK transport loads the SDK from (targets/sdk/sdkSource.ts). */
  sdkFrom?: SdkFrom;
  /** Timeouts and retry policy, for tests. */
  tuning?: Omit<TargetTuning, 'credentials' | 'env' | 'quota' | 'traffic'>;
}

/** Longest `Server` header kept: enough for `Werkzeug/3.0.1 Python/3.11`. */
const MAX_SERVER_NAME = 60;

/**
 * The one way from a configuration to a Target, for runs and sweeps alike: resolve credentials
 * (missing AWS credentials stop here, before anything is created), start the embedded cognito-local
 * when asked, and open the transport.
 *
 * The name: `name` when given, else the preset's (`aws`, `localstack`, `moto`, `cognito-local`);
 * a bare `--endpoint` is named after its host:port. The name is known before the first request, so
 * a baseline for another target is refused before anything is sent; the `Server` header of the
 * first answer is kept as `server`, information only (it named the target once, and an emulator's
 * web-server upgrade, "Werkzeug/2.2.2" to "Werkzeug/3.0.1", then turned CI red).
 */
export async function openTarget(config: TargetConfig, options: OpenTargetOptions = {}): Promise<OpenedTarget> {
  const registry = options.registry ?? processCleanupRegistry();
  const credentials = options.credentials ?? credentialsFor(config.credentials, {
    ...(config.profile === undefined ? {} : { profile: config.profile }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  await credentials();
  // An unusable --sdk-from, or an SDK below the floor, stops the run before the emulator starts
  // (the transport resolves it again when it opens: the same answer, and no SDK is loaded here).
  if (options.transport === 'sdk') checkSdkFloor(resolveSdkSource(options.sdkFrom === undefined ? {} : { from: options.sdkFrom.dir, fromLabel: options.sdkFrom.label }));

  const emulator = config.embedded ? await startEmbeddedCognitoLocal({ registry }) : undefined;
  const endpoint = emulator?.endpoint ?? config.endpoint;
  if (endpoint === undefined) throw new Error('openTarget: a configuration that is not embedded must have an endpoint');

  const name = targetName(config, options.name);
  const quotas = quotaRatesFor(config.kind, options.rates);
  let answeredBy: string | undefined;
  const base: TargetSettings = {
    name,
    kind: config.kind,
    endpoint,
    region: config.region,
    transport: options.transport ?? DEFAULT_TRANSPORT,
    credentials: config.credentials,
    ...(config.profile === undefined ? {} : { profile: config.profile }),
    concurrency: options.concurrency ?? config.limits.concurrency,
    ...(options.sdkFrom === undefined ? {} : { sdkFrom: options.sdkFrom }),
    ...(quotas === undefined ? {} : { quotas }),
  };
  // One limiter for every request of this Target: the run's pool fixture, its cases and its
  // teardown alike. Without quotas it sends unpaced until the target first throttles, then keeps
  // to the rate it learned (quotaLimiter.ts), so an endpoint that throttles like AWS needs no flag.
  const quota = createQuotaLimiter(quotas === undefined ? { unconfigured: true } : { rates: quotas });
  let transport: Target;
  try {
    transport = await targetFromSettings(base, { ...options.tuning, credentials, quota });
  } catch (err) {
    await emulator?.stop();
    throw err;
  }
  let first = false;
  const target: Target = {
    info: transport.info,
    async send(operation, input, sendOptions) {
      const exchange = await transport.send(operation, input, sendOptions);
      if (!first && exchange.layer !== 'sdk-client') {
        first = true;
        answeredBy = serverName(exchange);
      }
      return exchange;
    },
    close: () => transport.close(),
  };

  let closing: Promise<void> | undefined;
  const opened: OpenedTarget = {
    target,
    config: emulator === undefined ? config : { ...config, endpoint },
    settings: base,
    get server() {
      return answeredBy;
    },
    traffic: () => quota.counts(),
    close() {
      closing ??= (async () => {
        await target.close();
        await emulator?.stop();
      })();
      return closing;
    },
  };
  if (emulator !== undefined) opened.emulator = emulator;
  opened.quota = quota;
  return opened;
}

/** The `Server` header on one line, or undefined when absent or blank. */
function serverName(exchange: Exchange): string | undefined {
  const raw = exchange.headers.server?.replace(/[^\x20-\x7e]/g, '').trim();
  if (!raw) return undefined;
  return raw.length > MAX_SERVER_NAME ? raw.slice(0, MAX_SERVER_NAME) : raw;
}
