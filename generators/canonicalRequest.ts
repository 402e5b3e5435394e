import { requestMembers } from '../contract/requestMembers.js';
import type { RequestBody } from './testCase.js';

/**
 * The request with its members in the contract's order and undefined members dropped, so that a
 * generated request reads the same way whichever generator built it (and JSON shows no holes).
 * Members the contract does not know keep their place after the known ones.
 */
export function canonicalRequest(request: Readonly<Record<string, unknown>>): RequestBody {
  const out: RequestBody = {};
  for (const name of Object.keys(requestMembers)) if (request[name] !== undefined) out[name] = request[name];
  for (const [name, value] of Object.entries(request)) if (!(name in out) && value !== undefined && !(name in requestMembers)) out[name] = value;
  return out;
}
