import { Ajv, type ErrorObject } from 'ajv';
import { responseMembers } from '../contract/responseMembers.js';
import { structureSchema } from '../contract/requestSchema.js';
import type { Observation } from './observation.js';
import { defineOracle, type Judgement } from './defineOracle.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';
import { isJsonObject } from './jsonObject.js';

const RULE = 'output.shape';

/**
 * The response envelope `{"UserPoolClient": UserPoolClientType}` (model 2026-04-21,
 * CreateUserPoolClientResponse), compiled once from the contract's own response members. Closed:
 * a member the contract does not know is a conformance finding and is named in the verdict.
 * Note that npm @aws-sdk/client-cognito-identity-provider 3.1169.0 knows an output-only
 * `ClientType` (DCR | REGULAR) that the model lacks (contract/knownSdkDrift.ts): a target that sends
 * it is reported here until the contract adopts it.
 */
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: true });
const validateResponse = ajv.compile({
  type: 'object',
  properties: { UserPoolClient: structureSchema(responseMembers, { closed: true, withRequired: false }) },
  required: ['UserPoolClient'],
  additionalProperties: false,
});

/** `/UserPoolClient/CallbackURLs/0` → `UserPoolClient.CallbackURLs[0]`. */
function memberPath(instancePath: string): string {
  let out = '';
  for (const part of instancePath.split('/').slice(1)) out += /^\d+$/.test(part) ? `[${part}]` : (out ? '.' : '') + part;
  return out || '(body)';
}

function valueAt(body: unknown, instancePath: string): unknown {
  let cur = body;
  for (const part of instancePath.split('/').slice(1)) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return cur;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function describeBody(body: unknown, raw: string): string {
  if (body === undefined) return raw.trim() === '' ? 'empty' : 'not JSON';
  return Array.isArray(body) ? 'a JSON array' : body === null ? 'JSON null' : `a JSON ${typeof body}`;
}

function judge(o: Observation): Judgement[] {
  const c = o.create;
  if (!isSuccessStatus(c.status) || c.layer === 'sdk-client') return [];
  if (!isJsonObject(c.body)) {
    return [{ ruleId: RULE, ok: false, message: `2xx body is ${describeBody(c.body, c.rawBody)}, not a JSON object`, expected: '{"UserPoolClient": {…}}', observed: describeBody(c.body, c.rawBody) }];
  }
  if (validateResponse(c.body)) return [{ ruleId: RULE, ok: true, message: 'body is {"UserPoolClient": UserPoolClientType} within the model constraints' }];
  const unknownMembers: string[] = [];
  const violations: string[] = [];
  // Messages come from ajv's keyword texts and never carry the offending value, so no member value
  // (a secret among them) reaches the verdict from here.
  for (const e of validateResponse.errors as ErrorObject[]) {
    const at = memberPath(e.instancePath);
    if (e.keyword === 'additionalProperties') {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      unknownMembers.push(at === '(body)' ? name : `${at}.${name}`);
    } else if (e.keyword === 'type') {
      violations.push(`${at} ${e.message ?? 'has the wrong type'} (got ${jsonType(valueAt(c.body, e.instancePath))})`);
    } else violations.push(`${at} ${e.message ?? e.keyword}`);
  }
  const parts = [
    ...(unknownMembers.length ? [`unknown member${unknownMembers.length > 1 ? 's' : ''} ${unknownMembers.join(', ')}`] : []),
    ...violations,
  ];
  return [{
    ruleId: RULE,
    ok: false,
    message: parts.join('; '),
    expected: 'UserPoolClientType as the contract states it (contract/responseMembers.ts)',
    observed: { ...(unknownMembers.length ? { unknownMembers } : {}), ...(violations.length ? { violations } : {}) },
  }];
}

/** output.shape: the body of every accepted create is the declared structure, and nothing else. */
export const responseShapeOracle = defineOracle({ id: 'response-shape', rules: [RULE], judge });
