import type { Exchange } from '../targets/exchange.js';
import { isJsonObject, type JsonObject } from './jsonObject.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';

/**
 * The `UserPoolClient` object of an accepted CreateUserPoolClient or DescribeUserPoolClient, or
 * undefined when the exchange failed or its body has no such object (output.shape reports that).
 */
export function createdClient(exchange: Exchange | undefined): JsonObject | undefined {
  if (!exchange || !isSuccessStatus(exchange.status) || !isJsonObject(exchange.body)) return undefined;
  const client = exchange.body.UserPoolClient;
  return isJsonObject(client) ? client : undefined;
}
