import type { QuotaCounts, QuotaLimiter } from '../pacing/quotaLimiter.js';
import type { RetryPolicy } from '../pacing/retryPolicy.js';

/** What both transports (raw HTTP, the AWS SDK) are given: where to send, and how hard. */
export interface TransportOptions {
  /** For messages: the name openTarget gave the target (`--name`, the preset, or host:port). */
  name: string;
  /** An http(s) URL already validated (see parseEndpoint). */
  endpoint: string;
  region: string;
  /** Sockets kept open to the endpoint, which is also the number of requests in flight. */
  connections?: number;
  /** The run's quota limiter, shared by every request of the run (withRetry.ts); absent means no limit. */
  quota?: QuotaLimiter;
  /** Where sends count attempts, throttling and retries when there is no limiter (withRetry.ts). */
  traffic?: QuotaCounts;
  connectTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}
