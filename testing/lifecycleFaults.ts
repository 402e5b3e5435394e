/**
 * The planted faults of the fake's life after Create (issue 17): Update, Describe, List and Delete.
 * `flags` is the exact set of rule ids the lifecycle judges fail when the fake runs with that fault
 * alone and the lifecycle battery (lifecycleBattery.ts) is sent to it. Two faults of the Create
 * catalogue (fakeFaults.ts) are reused here with what they flag on the battery's sequence:
 * `list-shows-secret` and `unknown-client-200` (see REUSED_FAULTS).
 */
export interface LifecycleFaultInfo {
  description: string;
  flags: readonly string[];
}

export const LIFECYCLE_FAULTS = {
  'update-merges': {
    description: 'UpdateUserPoolClient merges the request into the stored client instead of replacing it: omitted members keep their old values',
    flags: ['lifecycle.update-replaces'],
  },
  'update-forgets-name': {
    description: 'an UpdateUserPoolClient without ClientName empties the name',
    flags: ['lifecycle.update-keeps-name'],
  },
  'update-answer-differs': {
    description: 'UpdateUserPoolClient answers EnableTokenRevocation negated; what it stores (and Describe shows) is right',
    flags: ['lifecycle.update-answer-is-describe', 'lifecycle.update-replaces'],
  },
  'update-moves-creation-date': {
    description: 'UpdateUserPoolClient sets CreationDate to the time of the update',
    flags: ['lifecycle.dates'],
  },
  'update-accepts-invalid': {
    description: 'UpdateUserPoolClient validates nothing: a request Create refuses is accepted (and client_credentials on a client without secret)',
    flags: ['lifecycle.update-validated'],
  },
  'delete-twice-200': {
    description: 'a second DeleteUserPoolClient of a deleted client answers 200 instead of ResourceNotFoundException',
    flags: ['lifecycle.deleted-gone'],
  },
  'update-unknown-200': {
    description: 'UpdateUserPoolClient of a ClientId the pool does not hold answers 200 {} instead of ResourceNotFoundException',
    flags: ['lifecycle.deleted-gone', 'probe.unknown-client.update'],
  },
  'list-repeats-across-pages': {
    description: 'each ListUserPoolClients page after the first starts with the last client of the page before',
    flags: ['lifecycle.list-complete'],
  },
  'list-never-ends': {
    description: 'the last ListUserPoolClients page still carries a NextToken, and every page after it is empty with a new one: the listing never ends',
    flags: ['lifecycle.list-complete'],
  },
  'list-ignores-max-results': {
    description: 'ListUserPoolClients pages hold one client more than MaxResults',
    flags: ['lifecycle.list-max-results'],
  },
  'list-accepts-any-max-results': {
    description: 'ListUserPoolClients accepts MaxResults 0 and 61 (as 60) instead of InvalidParameterException',
    flags: ['lifecycle.list-max-results-range'],
  },
  'update-regenerates-secret': {
    description: 'UpdateUserPoolClient gives a client that has a secret a new one',
    flags: ['lifecycle.secret-stable'],
  },
} as const satisfies Readonly<Record<string, LifecycleFaultInfo>>;

export type LifecycleFaultName = keyof typeof LIFECYCLE_FAULTS;

/** Faults of the Create catalogue that the lifecycle sequences catch too, with what they flag on the lifecycle battery. */
export const REUSED_FAULTS = {
  'list-shows-secret': ['consistency.list-shape'],
  'unknown-client-200': ['lifecycle.deleted-gone', 'probe.unknown-client.delete', 'probe.unknown-client.describe', 'probe.unknown-client.update'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export const LIFECYCLE_FAULT_NAMES = Object.freeze(Object.keys(LIFECYCLE_FAULTS) as LifecycleFaultName[]);
