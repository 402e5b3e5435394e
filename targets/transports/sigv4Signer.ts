import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentials, CredentialProvider } from '../aws/credentialSource.js';
import { guarded } from '../aws/credentialSource.js';

/** SigV4 signing name of Amazon Cognito user pools (model `aws.auth#sigv4` name). */
export const COGNITO_SIGNING_NAME = 'cognito-idp';

/** A request as SigV4 sees it; `path` as it goes on the wire, `headers` with lower-case names. */
export interface SignableRequest {
  method: string;
  protocol: 'http:' | 'https:';
  hostname: string;
  port?: number;
  path: string;
  query?: Readonly<Record<string, string>>;
  headers: Readonly<Record<string, string>>;
  body?: string;
}

export interface RequestSigner {
  readonly region: string;
  readonly service: string;
  /** The headers to send: the request's own plus `x-amz-date`, `authorization` and (with a session) `x-amz-security-token`. */
  sign(request: SignableRequest, options?: { signingDate?: Date }): Promise<Record<string, string>>;
}

export interface SigV4SignerOptions {
  region: string;
  /** Defaults to `cognito-idp`. */
  service?: string;
  credentials: CredentialProvider | AwsCredentials;
  /**
   * Add `x-amz-content-sha256`. Optional for every service but S3 and Glacier; the AWS test suite
   * vectors are computed without it.
   */
  applyChecksum?: boolean;
}

type SmithyRequest = Parameters<SignatureV4['sign']>[0];

export function createSigV4Signer(options: SigV4SignerOptions): RequestSigner {
  const service = options.service ?? COGNITO_SIGNING_NAME;
  const creds = options.credentials;
  const provider: CredentialProvider = typeof creds === 'function' ? guarded(creds) : async () => creds;
  const signer = new SignatureV4({
    service,
    region: options.region,
    credentials: provider,
    // node:crypto-backed, the same class the Cognito SDK client signs with.
    sha256: Sha256,
    applyChecksum: options.applyChecksum ?? false,
    uriEscapePath: true,
  });
  return {
    region: options.region,
    service,
    async sign(request, signOptions) {
      const toSign: SmithyRequest = {
        method: request.method,
        protocol: request.protocol,
        hostname: request.hostname,
        path: request.path,
        query: { ...(request.query ?? {}) },
        headers: { ...request.headers },
        body: request.body,
        ...(request.port === undefined ? {} : { port: request.port }),
      };
      const signed = await signer.sign(toSign, signOptions?.signingDate ? { signingDate: signOptions.signingDate } : {});
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(signed.headers)) out[k.toLowerCase()] = v;
      return out;
    },
  };
}
