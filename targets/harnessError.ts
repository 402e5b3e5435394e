/**
 * A harness error: we or the environment broke (unreachable target, bad configuration, missing
 * credentials), never the target's conformance. Callers match on `code`, never on the message.
 */
export type HarnessErrorCode =
  | 'E_USAGE'
  | 'E_CONFIG'
  | 'E_CREDENTIALS'
  | 'E_TARGET_UNREACHABLE'
  | 'E_TARGET_TIMEOUT'
  | 'E_EMULATOR_START'
  | 'E_FIXTURE'
  /** The endpoint does not speak the Cognito API at all (targets/transports/cognitoProbe.ts). */
  | 'E_NOT_COGNITO'
  | 'E_INTERRUPTED'
  | 'E_ACCOUNT_REQUIRED'
  | 'E_ACCOUNT_NOT_ALLOWED'
  /** The target still answered throttling after every retry (targets/pacing/withRetry.ts). */
  | 'E_THROTTLED';

export class HarnessError extends Error {
  readonly code: HarnessErrorCode;
  constructor(code: HarnessErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HarnessError';
    this.code = code;
  }
}

export function isHarnessError(err: unknown): err is HarnessError {
  return err instanceof HarnessError;
}
