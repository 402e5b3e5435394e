/**
 * Which request-rate quota of Amazon Cognito an operation counts against. Cognito groups user-pool
 * operations into categories, each with its own rate per account and Region, and for the
 * categories marked with a note ("Any individual operation in this category has a constraint that
 * prevents the operation from being called at a rate higher than 5 RPS for a single user pool")
 * also limits every single operation to 5 requests per second in one user pool.
 *
 * Source: Amazon Cognito Developer Guide, "Quotas in Amazon Cognito", section "Amazon Cognito user
 * pools API operation categories and request rate quotas",
 * https://docs.aws.amazon.com/cognito/latest/developerguide/quotas.html (the version that lists
 * the LimitManagement category, added with GetProvisionedLimit in July 2026). Default rates there,
 * none of them adjustable: UserPoolClientUpdate 15, UserPoolClientRead 15, UserPoolUpdate 15,
 * UserPoolRead 15, UserPoolResourceUpdate 15, UserPoolResourceRead 20 requests per second; the
 * per-pool, per-operation note is on UserPoolClientUpdate, UserPoolClientRead,
 * UserPoolResourceUpdate and UserPoolResourceRead. The archived 2023 page
 * (awsdocs/amazon-cognito-developer-guide, doc_source/limits.md) has the same categories, numbers
 * and note.
 */
export type QuotaCategoryName =
  | 'UserPoolClientUpdate'
  | 'UserPoolClientRead'
  | 'UserPoolUpdate'
  | 'UserPoolRead'
  | 'UserPoolResourceUpdate'
  | 'UserPoolResourceRead'
  /** Anything a run sends outside the table (probes of unknown operations): its own bucket. */
  | 'Other';

export interface QuotaCategoryInfo {
  name: QuotaCategoryName;
  /** Which of the run's two rates applies: writes (create, update, delete) or reads. */
  kind: 'write' | 'read';
  /** The documented default, requests per second per account and Region. */
  documentedAccountRps?: number;
  /** Each operation of the category is also limited per user pool (the page's note). */
  perPoolOperation: boolean;
}

const CATEGORIES: Readonly<Record<Exclude<QuotaCategoryName, 'Other'>, Omit<QuotaCategoryInfo, 'name'>>> = {
  UserPoolClientUpdate: { kind: 'write', documentedAccountRps: 15, perPoolOperation: true },
  UserPoolClientRead: { kind: 'read', documentedAccountRps: 15, perPoolOperation: true },
  UserPoolUpdate: { kind: 'write', documentedAccountRps: 15, perPoolOperation: false },
  UserPoolRead: { kind: 'read', documentedAccountRps: 15, perPoolOperation: false },
  UserPoolResourceUpdate: { kind: 'write', documentedAccountRps: 15, perPoolOperation: true },
  UserPoolResourceRead: { kind: 'read', documentedAccountRps: 20, perPoolOperation: true },
};

/** The operations a run sends, by category (the page lists more in each; these are ours). */
const OPERATIONS: Readonly<Record<string, Exclude<QuotaCategoryName, 'Other'>>> = {
  CreateUserPoolClient: 'UserPoolClientUpdate',
  UpdateUserPoolClient: 'UserPoolClientUpdate',
  DeleteUserPoolClient: 'UserPoolClientUpdate',
  DescribeUserPoolClient: 'UserPoolClientRead',
  ListUserPoolClients: 'UserPoolClientRead',
  CreateUserPool: 'UserPoolUpdate',
  UpdateUserPool: 'UserPoolUpdate',
  DeleteUserPool: 'UserPoolUpdate',
  DescribeUserPool: 'UserPoolRead',
  ListUserPools: 'UserPoolRead',
  CreateResourceServer: 'UserPoolResourceUpdate',
  UpdateResourceServer: 'UserPoolResourceUpdate',
  DeleteResourceServer: 'UserPoolResourceUpdate',
  CreateIdentityProvider: 'UserPoolResourceUpdate',
  UpdateIdentityProvider: 'UserPoolResourceUpdate',
  DeleteIdentityProvider: 'UserPoolResourceUpdate',
  DescribeResourceServer: 'UserPoolResourceRead',
  DescribeIdentityProvider: 'UserPoolResourceRead',
  ListResourceServers: 'UserPoolResourceRead',
  ListIdentityProviders: 'UserPoolResourceRead',
};

export function quotaCategoryOf(operation: string): QuotaCategoryInfo {
  const name = OPERATIONS[operation];
  if (name !== undefined) return { name, ...CATEGORIES[name] };
  // Not in the table: counted on its own, as a write (the stricter of the two), per pool as well.
  return { name: 'Other', kind: /^(Describe|List|Get)/.test(operation) ? 'read' : 'write', perPoolOperation: true };
}
