import type { CredentialProvider } from './credentialSource.js';
import type { Target } from './exchange.js';
import type { TransportOptions } from './transportOptions.js';

/** What every transport is opened with: where and how hard to send, and who signs. */
export interface TransportOpenOptions extends TransportOptions {
  credentials: CredentialProvider;
}

/** One way of sending the suite's requests: a Target factory and its line in `--help`. */
export interface Transport {
  readonly summary: string;
  /** Imports the transport on first use, so a run that picks another does not load it. */
  open(options: TransportOpenOptions): Promise<Target>;
}

/**
 * The transports, by the name `--transport` and CONFORMANCE_TRANSPORT take. Everything else (the
 * flag parser, the help text, the settings reader, TargetInfo and the report) derives the names
 * from this object, so a new transport is one file that creates a Target plus one entry here.
 * Both share the retry (withRetry.ts) and the normalized Exchange (toExchange in httpTarget.ts).
 */
export const TRANSPORTS = {
  http: {
    summary: 'raw HTTP over undici, sees the wire as the server wrote it',
    async open({ credentials, ...options }) {
      const [{ createHttpTarget }, { createSigV4Signer }] = await Promise.all([import('./httpTarget.js'), import('./sigv4Signer.js')]);
      return createHttpTarget({ ...options, signer: createSigV4Signer({ region: options.region, credentials }) });
    },
  },
  sdk: {
    summary: 'through @aws-sdk/client-cognito-identity-provider, records what the SDK sent and returned',
    async open(options) {
      return (await import('./sdkTarget.js')).createSdkTarget(options);
    },
  },
} as const satisfies Readonly<Record<string, Transport>>;

export type TransportName = keyof typeof TRANSPORTS;

export const TRANSPORT_NAMES = Object.keys(TRANSPORTS) as readonly TransportName[];

export function isTransportName(name: string): name is TransportName {
  return Object.hasOwn(TRANSPORTS, name);
}

/** Raw HTTP sees the wire, which is what conformance is judged on. */
export const DEFAULT_TRANSPORT: TransportName = 'http';
