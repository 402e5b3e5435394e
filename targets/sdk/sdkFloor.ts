import { HarnessError } from '../harnessError.js';
import { SDK_PACKAGE, type SdkSource } from './sdkSource.js';

/**
 * The oldest @aws-sdk/client-cognito-identity-provider release the SDK transport supports.
 *
 * Why this one: sdkTarget.ts gives the client its HTTP handler's settings as a plain object
 * (`requestHandler: { connectionTimeout, socketTimeout, httpAgent: { keepAlive, maxSockets } }`),
 * so that it never constructs a handler class from a second copy of @smithy/node-http-handler. A
 * client accepts that object since aws/aws-sdk-js-v3 PR #5820 ("requestHandler ctor param
 * pass-through", merged 2024-02-21; agent options from smithy-lang/smithy-typescript PR #1165),
 * first published for this client in 3.521.0. Tried on Node 20 with the same request and
 * middleware the transport uses: 3.515.0, 3.509.0 and 3.200.0 install but fail every send with
 * "requestHandler.handle is not a function"; 3.521.0, 3.600.0, 3.787.0, 3.794.0 and 3.1169.0 work
 * (docs/sdk-upgrades.md has the commands). Everything else the transport relies on (the
 * `<Operation>Command` classes with a middleware stack, a `deserialize`-step middleware, `send`
 * with an abort signal, `maxAttempts`/`retryMode`) is older than that.
 */
export const SDK_FLOOR = '3.521.0';

/** The peer dependency range of package.json: the floor up to the next major. */
export const SDK_RANGE = `>=${SDK_FLOOR} <4.0.0`;

/** Compares `major.minor.patch` numerically (a pre-release or build suffix is ignored). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split(/[-+]/)[0].split('.').map((n) => Number(n) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Refuses an SDK outside the supported range with one line naming the minimum (E_CONFIG, exit 2),
 * before it is loaded: an older release would fail on the first request in a way that says
 * nothing about the floor, and a v4 has not been tried.
 */
export function checkSdkFloor(source: Pick<SdkSource, 'version' | 'origin'>): void {
  const { version, origin } = source;
  if (compareVersions(version, SDK_FLOOR) < 0) {
    throw new HarnessError('E_CONFIG', `${SDK_PACKAGE} ${version} from ${origin} is older than ${SDK_FLOOR}, the oldest release the SDK transport supports: install ${SDK_FLOOR} or newer (or name another with --sdk-from DIR)`);
  }
  if (compareVersions(version, '4.0.0') >= 0) {
    throw new HarnessError('E_CONFIG', `${SDK_PACKAGE} ${version} from ${origin} is not a v3 release: the SDK transport supports ${SDK_RANGE}`);
  }
}
