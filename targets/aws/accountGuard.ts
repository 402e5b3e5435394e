import type { CredentialProvider } from './credentialSource.js';
import { HarnessError, isHarnessError } from '../harnessError.js';
import { scrubSecrets } from '../recording/scrubSecrets.js';

/**
 * The account guard: a run against real AWS creates user pools, clients, resource servers and
 * identity providers in whatever account the credential chain resolves to, so before anything is
 * created there it must be an account the operator named. Loopback emulators need nothing.
 *
 * The caller's account comes from STS GetCallerIdentity, which needs no IAM permission ("Permissions
 * for GetCallerIdentity" in the IAM User Guide: it works even when an explicit deny applies), so a
 * least-privilege role can always answer it. The SDK's STS client honours AWS_ENDPOINT_URL_STS
 * (and AWS_ENDPOINT_URL), which is how the tests keep the call on loopback.
 */
export const ACCOUNTS_ENV = 'CONFORMANCE_AWS_ACCOUNTS';

export interface AccountGuardInput {
  /** TargetConfig.kind: the `aws` preset, or an endpoint on an AWS host. */
  targetKind: 'aws' | 'emulator';
  /** The Cognito endpoint; absent for the embedded emulator, which listens on loopback. */
  endpoint?: string;
  /** Accounts the run may work in (see allowedAccounts); absent or empty: none named. */
  allowed?: readonly string[];
  credentials: CredentialProvider;
  region: string;
}

export type AccountCheck =
  /** Nothing to guard: a loopback emulator. */
  | { guarded: false }
  /** The caller, resolved by STS and found in the allowed list. */
  | { guarded: true; account: string; arn: string };

const ACCOUNT_ID = /^\d{12}$/;
const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
// The SDK's default is 3 attempts with backoff; one retry is enough to ride out a dropped connection.
const STS_MAX_ATTEMPTS = 2;

/**
 * True for http(s) URLs whose host is on this machine: `localhost`, 127.0.0.0/8, `[::1]`. The URL
 * parser normalizes other spellings first (`127.1`, `0x7f.0.0.1`, `[0:0:0:0:0:0:0:1]`); anything
 * else, a private-range address included, may be someone's real service and is guarded.
 */
export function isLoopbackEndpoint(endpoint: string): boolean {
  let host: string;
  try {
    host = new URL(endpoint).hostname;
  } catch {
    return false;
  }
  if (host === 'localhost' || host === '[::1]') return true;
  const v4 = IPV4_LOOPBACK.exec(host);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
}

/** True when checkAccount will ask STS: the aws preset, or any endpoint that is not loopback. */
export function needsAccountGuard(targetKind: 'aws' | 'emulator', endpoint: string | undefined): boolean {
  return targetKind === 'aws' || (endpoint !== undefined && !isLoopbackEndpoint(endpoint));
}

/**
 * The allowed accounts: `--account ID[,ID]` when given, else CONFORMANCE_AWS_ACCOUNTS, else
 * undefined. Each entry is a 12-digit account id; a malformed flag is E_USAGE, a malformed
 * variable E_CONFIG.
 */
export function allowedAccounts(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): string[] | undefined {
  if (flag !== undefined) return parseAccountList(flag, '--account', 'E_USAGE');
  const fromEnv = env[ACCOUNTS_ENV];
  if (fromEnv === undefined || fromEnv.trim() === '') return undefined;
  return parseAccountList(fromEnv, ACCOUNTS_ENV, 'E_CONFIG');
}

function parseAccountList(raw: string, source: string, code: 'E_USAGE' | 'E_CONFIG'): string[] {
  const ids = raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) throw new HarnessError(code, `${source} needs at least one 12-digit AWS account id`);
  const bad = ids.find((id) => !ACCOUNT_ID.test(id));
  if (bad !== undefined) throw new HarnessError(code, `${source}: ${JSON.stringify(bad.slice(0, 40))} is not a 12-digit AWS account id`);
  return [...new Set(ids)];
}

/**
 * Refuses (E_ACCOUNT_REQUIRED) a guarded target when no allowed account is given, before any
 * request; otherwise resolves the caller with STS and refuses (E_ACCOUNT_NOT_ALLOWED), naming the
 * account, when it is not in the list. An STS failure is E_CREDENTIALS. Messages are one line and
 * never carry a credential.
 */
export async function checkAccount(input: AccountGuardInput): Promise<AccountCheck> {
  if (!needsAccountGuard(input.targetKind, input.endpoint)) return { guarded: false };
  const where = input.endpoint ?? `the aws target in ${input.region}`;
  const allowed = input.allowed ?? [];
  if (allowed.length === 0) {
    throw new HarnessError(
      'E_ACCOUNT_REQUIRED',
      `refusing to create anything at ${where} without an allowed AWS account: pass --account ID[,ID] or set ${ACCOUNTS_ENV}`,
    );
  }
  const caller = await callerIdentity(input.credentials, input.region);
  if (!allowed.includes(caller.account)) {
    throw new HarnessError(
      'E_ACCOUNT_NOT_ALLOWED',
      `the credentials belong to AWS account ${caller.account} (${caller.arn}), which is not an allowed account (${allowed.join(', ')}): refusing to create anything at ${where}`,
    );
  }
  return { guarded: true, ...caller };
}

async function callerIdentity(credentials: CredentialProvider, region: string): Promise<{ account: string; arn: string }> {
  // Resolved here so that a failing chain keeps its own E_CREDENTIALS message, and so that the
  // values are known for scrubbing an STS error message.
  const creds = await credentials();
  // Imported here: runs against emulators never load the STS client (issue 10: start-up time).
  const { GetCallerIdentityCommand, STSClient } = await import('@aws-sdk/client-sts');
  const client = new STSClient({ region, credentials: creds, maxAttempts: STS_MAX_ATTEMPTS });
  try {
    const out = await client.send(new GetCallerIdentityCommand({}));
    if (typeof out.Account !== 'string' || !ACCOUNT_ID.test(out.Account)) {
      throw new HarnessError('E_CREDENTIALS', `STS GetCallerIdentity answered without a 12-digit account id (${JSON.stringify(String(out.Account)).slice(0, 40)})`);
    }
    return { account: out.Account, arn: out.Arn ?? 'unknown ARN' };
  } catch (err) {
    if (isHarnessError(err)) throw err;
    const name = err instanceof Error ? err.name : 'Error';
    const message = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    const secrets = [creds.accessKeyId, creds.secretAccessKey, ...(creds.sessionToken === undefined ? [] : [creds.sessionToken])];
    throw new HarnessError('E_CREDENTIALS', scrubSecrets(`could not resolve the AWS account with STS GetCallerIdentity: ${name}: ${message}`, secrets));
  } finally {
    client.destroy();
  }
}
