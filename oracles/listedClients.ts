import type { Exchange } from '../targets/exchange.js';
import { isJsonObject } from './jsonObject.js';
import { isSuccessStatus } from '../targets/isSuccessStatus.js';

export interface ListedClient {
  ClientId: string;
  ClientName?: unknown;
  UserPoolId?: unknown;
}

export interface Listing {
  clients: readonly ListedClient[];
  /** The listing has more pages (a NextToken): a client missing from it may be on another page. */
  partial: boolean;
}

/**
 * The clients a ListUserPoolClients answer shows (UserPoolClientDescription: ClientId, UserPoolId,
 * ClientName), or undefined when the listing failed or is not the declared shape: a listing
 * that failed is not evidence of anything.
 */
export function listedClients(exchange: Exchange | undefined): Listing | undefined {
  if (!exchange || !isSuccessStatus(exchange.status) || !isJsonObject(exchange.body)) return undefined;
  const items = exchange.body.UserPoolClients;
  if (!Array.isArray(items)) return undefined;
  const clients = items.filter((c): c is ListedClient => isJsonObject(c) && typeof c.ClientId === 'string');
  const next = exchange.body.NextToken;
  return { clients, partial: typeof next === 'string' && next !== '' };
}
