import type { CredentialProvider } from '../aws/credentialSource.js';
import type { Target } from '../exchange.js';
import type { TransportOptions } from './transportOptions.js';

/** `--sdk-from DIR` or CONFORMANCE_SDK_FROM: where the SDK transport loads the SDK from (targets/sdk/sdkSource.ts). */
export interface SdkFrom {
  dir: string;
  /** The setting's name, for messages: `--sdk-from` or `CONFORMANCE_SDK_FROM`. */
  label: string;
}

/** What every transport is opened with: where and how hard to send, and who signs. */
export interface TransportOpenOptions extends TransportOptions {
  credentials: CredentialProvider;
  /** The SDK transport only; absent: the working directory's node_modules, else the tool's own copy. */
  sdkFrom?: SdkFrom;
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
    async open({ credentials, sdkFrom: _sdkFrom, ...options }) {
      const [{ createHttpTarget }, { createSigV4Signer }] = await Promise.all([import('./httpTarget.js'), import('./sigv4Signer.js')]);
      return createHttpTarget({ ...options, signer: createSigV4Signer({ region: options.region, credentials }) });
    },
  },
  sdk: {
    summary: 'through @aws-sdk/client-cognito-identity-provider, records what the SDK sent and returned',
    async open({ sdkFrom, ...options }) {
      const [{ createSdkTarget }, { loadSdk }, { resolveSdkSource }] = await Promise.all([import('../sdk/sdkTarget.js'), import('../sdk/loadSdk.js'), import('../sdk/sdkSource.js')]);
      // Resolved in each process that opens the transport (vitest workers too), from the same
      // settings and working directory, so every process loads the same copy.
      const sdk = await loadSdk(resolveSdkSource(sdkFrom === undefined ? {} : { from: sdkFrom.dir, fromLabel: sdkFrom.label }));
      return createSdkTarget({ ...options, sdk });
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
