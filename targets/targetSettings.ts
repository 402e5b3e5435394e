import { credentialsFor, type CredentialProvider } from './aws/credentialSource.js';
import type { Target } from './exchange.js';
import { createQuotaLimiter, type QuotaCounts, type QuotaLimiter, type QuotaRates } from './pacing/quotaLimiter.js';
import type { RetryPolicy } from './pacing/retryPolicy.js';
import { TRANSPORTS, type SdkFrom, type TransportName } from './transports/transports.js';

/**
 * A target as a run uses it, once resolved (the embedded emulator's address known): plain data, so
 * that the plain-vitest entry can hand it to its worker processes, which build their own Target
 * from it. It holds no secret: each process builds its credentials from `credentials`.
 */
export interface TargetSettings {
  /** For reports and messages: `--name`, the preset, or what answered (see openTarget). */
  name: string;
  kind: 'aws' | 'emulator';
  endpoint: string;
  region: string;
  transport: TransportName;
  /** Sign with the SDKs' standard credential chain (aws) or with local/dummy keys (emulators). */
  credentials: 'default-chain' | 'local';
  profile?: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** `--sdk-from DIR` (the SDK transport): absent, the working directory's node_modules, else the tool's own copy. */
  sdkFrom?: SdkFrom;
  /**
   * The quotas every request keeps to (targets/pacing/runQuotas.ts); absent means no limit. Each process
   * that builds a Target from these settings gets one limiter for all its requests.
   */
  quotas?: QuotaRates;
}

export interface TargetTuning {
  /** A provider already resolved once (openTarget does, to fail before creating anything). */
  credentials?: CredentialProvider;
  /** Environment for local credentials; the process's by default. */
  env?: Readonly<Record<string, string | undefined>>;
  connectTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** The limiter to share (openTarget makes one to read its counts); by default one made from `quotas`. */
  quota?: QuotaLimiter;
  /** Counts of a Target without a limiter (withRetry.ts). */
  traffic?: QuotaCounts;
}

/** The Target for resolved settings, through the transport they name (targets/transports/transports.ts). */
export function targetFromSettings(settings: TargetSettings, tuning: TargetTuning = {}): Promise<Target> {
  const credentials = tuning.credentials ?? credentialsFor(settings.credentials, {
    ...(settings.profile === undefined ? {} : { profile: settings.profile }),
    ...(tuning.env === undefined ? {} : { env: tuning.env }),
  });
  // Without quotas, one that learns them from the first throttling answer (quotaLimiter.ts).
  const quota = tuning.quota ?? createQuotaLimiter(settings.quotas === undefined ? { unconfigured: true } : { rates: settings.quotas });
  return TRANSPORTS[settings.transport].open({
    name: settings.name,
    endpoint: settings.endpoint,
    region: settings.region,
    credentials,
    connections: settings.concurrency,
    ...(settings.sdkFrom === undefined ? {} : { sdkFrom: settings.sdkFrom }),
    ...(quota === undefined ? {} : { quota }),
    ...(tuning.traffic === undefined ? {} : { traffic: tuning.traffic }),
    ...(tuning.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: tuning.connectTimeoutMs }),
    ...(tuning.retry === undefined ? {} : { retry: tuning.retry }),
  });
}
