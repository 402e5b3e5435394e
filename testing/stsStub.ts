import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { listenOnLoopback } from './loopbackHttpServer.js';

/**
 * A loopback stand-in for AWS STS, answering GetCallerIdentity the way the service does over the
 * awsQuery protocol (form-encoded POST, XML answer; the protocol @aws-sdk/client-sts speaks), so
 * the account guard can be tested with AWS_ENDPOINT_URL_STS pointing here and no request ever
 * leaving the machine. It records what it received: tests check which credentials signed the call
 * and that a refused run never asked at all.
 */
export interface StsStubOptions {
  /** The caller the stub reports. */
  account?: string;
  arn?: string;
  /** Answer every call with this error instead (e.g. InvalidClientTokenId, HTTP 403). */
  error?: { code: string; message: string; status: number };
}

export interface StsCall {
  action: string | null;
  /** The `Credential=` part of the SigV4 Authorization header: `<access key id>/<date>/<region>/sts/aws4_request`. */
  credential: string | undefined;
  securityToken: string | undefined;
}

export interface StsStub {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  calls(): readonly StsCall[];
  close(): Promise<void>;
}

export const STS_STUB_DEFAULT_ACCOUNT = '123456789012';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startStsStub(options: StsStubOptions = {}): Promise<StsStub> {
  const account = options.account ?? STS_STUB_DEFAULT_ACCOUNT;
  const arn = options.arn ?? `arn:aws:sts::${account}:assumed-role/conformance-nightly/gha-session`;
  const calls: StsCall[] = [];

  function answer(res: ServerResponse, status: number, xml: string): void {
    res.writeHead(status, { 'Content-Type': 'text/xml', 'Content-Length': String(Buffer.byteLength(xml)), 'x-amzn-RequestId': randomUUID() }).end(xml);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const authorization = req.headers.authorization;
    const token = req.headers['x-amz-security-token'];
    calls.push({
      action: form.get('Action'),
      credential: typeof authorization === 'string' ? /Credential=([^,\s]+)/.exec(authorization)?.[1] : undefined,
      securityToken: typeof token === 'string' ? token : undefined,
    });
    const requestId = randomUUID();
    if (options.error !== undefined || form.get('Action') !== 'GetCallerIdentity') {
      const err = options.error ?? { code: 'InvalidAction', message: `Could not find operation ${String(form.get('Action'))}`, status: 400 };
      answer(res, err.status, `<ErrorResponse xmlns="${XMLNS}"><Error><Type>Sender</Type><Code>${xmlEscape(err.code)}</Code>`
        + `<Message>${xmlEscape(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`);
      return;
    }
    answer(res, 200, `<GetCallerIdentityResponse xmlns="${XMLNS}"><GetCallerIdentityResult>`
      + `<Arn>${xmlEscape(arn)}</Arn><UserId>AROAEXAMPLEROLEID:gha-session</UserId><Account>${xmlEscape(account)}</Account>`
      + `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`);
  }

  const server = await listenOnLoopback(handle);
  return {
    endpoint: server.endpoint,
    calls: () => [...calls],
    close: server.close,
  };
}
