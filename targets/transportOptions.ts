import type { RetryPolicy } from './retryPolicy.js';

/** What both transports (raw HTTP, the AWS SDK) are given: where to send, and how hard. */
export interface TransportOptions {
  /** For messages: the name openTarget gave the target (`--name`, the preset, or host:port). */
  name: string;
  /** An http(s) URL already validated (see parseEndpoint). */
  endpoint: string;
  region: string;
  /** Sockets kept open to the endpoint, which is also the number of requests in flight. */
  connections?: number;
  /** Spaces request starts; absent means no limit. */
  requestsPerSecond?: number;
  connectTimeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}
