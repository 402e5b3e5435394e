import { randomBytes } from 'node:crypto';

/** Every run's prefix starts with this, so `sweepLeftovers(target, { prefix: RUN_ID_ROOT })` finds all runs' leftovers. */
export const RUN_ID_ROOT = 'cc-';

/**
 * Matches a run id prefix wherever it is quoted (pool names, `https://<prefix>.example/read`,
 * `<prefix>-saml`), so that two runs can be compared without the ids that make them distinct
 * (reports/stableTokens.ts). Kept next to newRunIdPrefix so the two cannot drift apart.
 */
export const RUN_ID_PATTERN = /cc-\d{8}t\d{6}-[0-9a-f]{4}/g;

/**
 * A run id prefix like `cc-20261126t063310-3f9a`: sortable by time, unique enough across parallel
 * runs, lower-case letters, digits and `-` only, so it fits every name it goes into (pool names,
 * resource server identifiers as a host label, identity provider names of at most 32 characters).
 */
export function newRunIdPrefix(now: Date = new Date(), random: () => string = () => randomBytes(2).toString('hex')): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').toLowerCase();
  return `${RUN_ID_ROOT}${stamp}-${random()}`;
}
