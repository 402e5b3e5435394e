import { operationErrors } from '../contract/operationErrors.js';
import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import { isJsonObject } from './jsonObject.js';
import { brief } from './shown.js';
import { sanitizeErrorType } from '../targets/transports/awsJsonError.js';

const CONTENT_TYPE = 'protocol.content-type';
const REQUEST_ID = 'protocol.request-id';
const ERROR_BODY = 'protocol.error-body';
const ERROR_STATUS = 'protocol.client-error-status';
const ERROR_TYPE_HEADER = 'protocol.error-type-header';

/**
 * The awsJson1_1 Content-Type. The protocol gives the header "a static value of
 * application/x-amz-json-1.1" (smithy aws-json.rst.template, "Protocol Behaviors" and "Differences
 * between awsJson1_0 and awsJson1_1"), and real Cognito responses carry exactly it (docs/evidence.md
 * §3 RAW-8). The media type is judged: only the letter case of type and subtype is free (RFC 9110
 * §8.3.1), and `application/x-amz-json-1.0`, which the API reference's HTTP examples show, is a doc
 * error (docs/evidence.md §7) and fails. A parameter on the right media type (`; charset=utf-8`) is a
 * note, not a failure (issue 14): the AWS SDKs choose the response parser from the service model and
 * read no Content-Type parameter, so no client behaves differently; real AWS does not send it, and
 * the report says so.
 */
const JSON_1_1 = 'application/x-amz-json-1.1';

/**
 * `__type` must be the bare shape name. The protocol lets legacy servers send
 * `ns#Shape` or `Shape:uri` and obliges clients to strip both, but says awsJson1_1 servers SHOULD
 * send only the shape name; the contract's statement is the bare name, and that is what real
 * Cognito sends (aws/aws-sdk-php#2183: `{"__type":"ResourceNotFoundException",…}`). A prefixed or
 * suffixed `__type` is therefore reported: SDKs cope, but the target departs from real AWS.
 */
const BARE_SHAPE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const STATUS_BY_ERROR = new Map(operationErrors.map((e) => [e.name, e.status]));

function header(o: Observation, name: string): string | undefined {
  return o.create.headers[name];
}

function contentType(o: Observation): Judgement {
  const value = header(o, 'content-type');
  const [mediaType, ...parameters] = (value ?? '').split(';');
  const ok = value !== undefined && mediaType.trim().toLowerCase() === JSON_1_1;
  if (!ok) {
    return { ruleId: CONTENT_TYPE, ok, message: value === undefined ? 'no Content-Type header' : `Content-Type ${brief(value)}, expected ${JSON_1_1}`, expected: JSON_1_1, observed: value ?? null };
  }
  const extra = parameters.map((p) => p.trim()).filter((p) => p !== '');
  if (!extra.length) return { ruleId: CONTENT_TYPE, ok, message: `Content-Type ${JSON_1_1}` };
  return {
    ruleId: CONTENT_TYPE, ok, message: `Content-Type ${JSON_1_1} with ${extra.join('; ')}`,
    note: `Content-Type carries "${extra.join('; ')}", which real AWS does not send; no SDK reads it (noted, not failed)`,
  };
}

/** The error a body names: `__type`, else `code`, as the protocol strips it. */
function bodyErrorType(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const raw = typeof body.__type === 'string' ? body.__type : typeof body.code === 'string' ? body.code : undefined;
  return raw === undefined ? undefined : sanitizeErrorType(raw);
}

/**
 * x-amzn-ErrorType on an error of the operation: real Cognito sends it, as `<Name>:` (localstack#3201,
 * aws-sdk-swift#296), and SDKs that read the header first (the Smithy protocol tests tell clients to)
 * take the error from it. Judged on the errors the operation lists only: the evidence is of Cognito
 * service errors, not of framework errors such as SerializationException.
 */
function errorTypeHeader(o: Observation): Judgement | undefined {
  const named = bodyErrorType(o.create.body) ?? o.create.errorType;
  if (named === undefined || !STATUS_BY_ERROR.has(named)) return undefined;
  const value = header(o, 'x-amzn-errortype');
  if (value === undefined || value.trim() === '') {
    return { ruleId: ERROR_TYPE_HEADER, ok: false, message: `no x-amzn-ErrorType header on ${named}`, expected: { 'x-amzn-errortype': `${named}:` }, observed: { 'x-amzn-errortype': value ?? null } };
  }
  const sent = sanitizeErrorType(value);
  if (sent !== named) {
    return { ruleId: ERROR_TYPE_HEADER, ok: false, message: `x-amzn-ErrorType ${brief(value)} names ${sent}, the body ${named}`, expected: { 'x-amzn-errortype': `${named}:` }, observed: { 'x-amzn-errortype': value } };
  }
  return { ruleId: ERROR_TYPE_HEADER, ok: true, message: `x-amzn-ErrorType ${value}` };
}

function requestId(o: Observation): Judgement {
  const value = header(o, 'x-amzn-requestid');
  const ok = value !== undefined && value.trim() !== '';
  return ok
    ? { ruleId: REQUEST_ID, ok, message: 'x-amzn-RequestId present' }
    : { ruleId: REQUEST_ID, ok, message: value === undefined ? 'no x-amzn-RequestId header' : 'x-amzn-RequestId is empty', expected: 'a non-empty x-amzn-RequestId', observed: value ?? null };
}

function errorBody(o: Observation): Judgement {
  const body = o.create.body;
  const problems: string[] = [];
  if (!isJsonObject(body)) problems.push(`error body is ${body === undefined ? 'not JSON' : 'not a JSON object'}`);
  else {
    const type = body.__type;
    if (typeof type !== 'string' || type === '') problems.push('no __type in the body');
    else if (!BARE_SHAPE_NAME.test(type)) problems.push(`__type ${brief(type)} is not the bare shape name`);
    const message = body.message;
    if (typeof message !== 'string' || message.trim() === '') {
      problems.push(typeof body.Message === 'string' ? 'message is sent as "Message", not "message"' : 'no non-empty "message"');
    }
  }
  if (!problems.length) return { ruleId: ERROR_BODY, ok: true, message: 'error body has a bare __type and a message' };
  const observed = isJsonObject(body) ? { __type: body.__type ?? null, message: body.message ?? null } : { rawBody: brief(o.create.rawBody) };
  return { ruleId: ERROR_BODY, ok: false, message: problems.join('; '), expected: { __type: 'ShapeName', message: 'non-empty' }, observed };
}

/** Only errors of the operation's error list are judged: their statuses are what the contract knows. */
function errorStatus(o: Observation): Judgement | undefined {
  const type = o.create.errorType;
  const expected = type === undefined ? undefined : STATUS_BY_ERROR.get(type);
  if (expected === undefined) return undefined;
  const ok = o.create.status === expected;
  return {
    ruleId: ERROR_STATUS,
    ok,
    message: ok ? `${type} with HTTP ${expected}` : `${type} with HTTP ${o.create.status}, expected ${expected}`,
    ...(ok ? {} : { expected: { status: expected, errorType: type }, observed: { status: o.create.status, errorType: type } }),
  };
}

/**
 * The wire protocol of the CreateUserPoolClient answer, success or error: Content-Type, request id,
 * error body, error status and error-type header. Only the case's own exchange is judged: the
 * create, or a probe's answer (protocol rules send the service-error probes too,
 * generators/fixedCases.ts), and only when the answer came from the server.
 */
function judge(o: Observation): Judgement[] {
  if (o.create.layer === 'sdk-client') return [];
  const out = [contentType(o), requestId(o)];
  if (isSuccessStatus(o.create.status)) return out;
  out.push(errorBody(o));
  const status = errorStatus(o);
  if (status) out.push(status);
  const typeHeader = errorTypeHeader(o);
  if (typeHeader) out.push(typeHeader);
  return out;
}

export const protocolOracle = defineOracle({ id: 'protocol', rules: [CONTENT_TYPE, REQUEST_ID, ERROR_BODY, ERROR_STATUS, ERROR_TYPE_HEADER], judge, judgesProbes: true });
