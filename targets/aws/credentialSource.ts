import { HarnessError, isHarnessError } from '../harnessError.js';

/** What SigV4 needs. Never logged, never put in an error message or an Exchange. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly expiration?: Date;
}

export type CredentialProvider = () => Promise<AwsCredentials>;

/**
 * The example key pair of the AWS documentation ("Managing access keys"): well-formed, belongs to
 * no account. Emulators want a signed request (LocalStack and moto read the region from the
 * signature's scope) but check no secret.
 */
export const DUMMY_CREDENTIALS: AwsCredentials = Object.freeze({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});

/**
 * Credentials for real AWS: the standard chain of the SDKs (environment, shared config and
 * credentials files with the profile, SSO, web identity, process, container, instance metadata).
 * The chain caches and refreshes them. A failure becomes E_CREDENTIALS with the provider's own
 * wording, which names sources, never secrets.
 */
export function awsChainCredentials(options: { profile?: string } = {}): CredentialProvider {
  // The chain is loaded on first use: runs against emulators never need it (issue 10: start-up time).
  let chain: Promise<() => Promise<AwsCredentials>> | undefined;
  return guarded(async () => {
    chain ??= import('@aws-sdk/credential-providers').then((m) => m.fromNodeProviderChain(options.profile === undefined ? {} : { profile: options.profile }));
    return (await chain)();
  }, options.profile);
}

/**
 * Credentials for an emulator: the environment's key pair when both halves are set (some LocalStack
 * setups map access keys to accounts), else DUMMY_CREDENTIALS. Never the whole chain: a local run
 * must not wait for instance metadata or an SSO login.
 */
export function localCredentials(env: Readonly<Record<string, string | undefined>> = process.env): CredentialProvider {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (accessKeyId && secretAccessKey) {
    const creds: AwsCredentials = env.AWS_SESSION_TOKEN
      ? { accessKeyId, secretAccessKey, sessionToken: env.AWS_SESSION_TOKEN }
      : { accessKeyId, secretAccessKey };
    return async () => creds;
  }
  return async () => DUMMY_CREDENTIALS;
}

/** The credentials a resolved target configuration asks for (TargetConfig.credentials). */
export function credentialsFor(
  kind: 'default-chain' | 'local',
  options: { profile?: string; env?: Readonly<Record<string, string | undefined>> } = {},
): CredentialProvider {
  return kind === 'default-chain'
    ? awsChainCredentials(options.profile === undefined ? {} : { profile: options.profile })
    : localCredentials(options.env ?? process.env);
}

/** Wrap any provider so that its failure is an E_CREDENTIALS harness error. */
export function guarded(provider: CredentialProvider, profile?: string): CredentialProvider {
  return async () => {
    try {
      return await provider();
    } catch (err) {
      if (isHarnessError(err)) throw err;
      const where = profile === undefined ? 'the default credential chain' : `the credential chain (profile ${profile})`;
      throw new HarnessError('E_CREDENTIALS', `no AWS credentials from ${where}: ${firstLine(err)}`);
    }
  };
}

function firstLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
