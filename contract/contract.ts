import type { MemberNode } from './memberNode.js';
import type { Rule } from './rule.js';
import { requestMembers } from './requestMembers.js';
import { responseMembers } from './responseMembers.js';
import { operationErrors, type OperationError } from './operationErrors.js';
import { modelRules } from './modelRules.js';
import { semanticRules } from './semanticRules.js';
import { responseRules } from './responseRules.js';
import { regionRules } from './regionRules.js';
import { probeRules } from './probeRules.js';
import { messageRules } from './messageRules.js';
import { lifecycleRules } from './lifecycleRules.js';
import { MODEL_DATE } from './sources.js';

export interface Contract {
  operation: 'CreateUserPoolClient';
  service: string;
  protocol: string;
  modelDate: string;
  input: Readonly<Record<string, MemberNode>>;
  output: Readonly<Record<string, MemberNode>>;
  errors: readonly string[];
  errorDetails: readonly OperationError[];
  rules: readonly Rule[];
}

/** The whole contract. Adding a member or a rule is one entry in the files this assembles. */
export const contract: Contract = {
  operation: 'CreateUserPoolClient',
  service: 'cognito-idp (API 2016-04-18)',
  protocol: 'awsJson1_1: POST /, X-Amz-Target AWSCognitoIdentityProviderService.CreateUserPoolClient',
  modelDate: MODEL_DATE,
  input: requestMembers,
  output: responseMembers,
  errors: operationErrors.map((e) => e.name),
  errorDetails: operationErrors,
  rules: [...modelRules(requestMembers), ...semanticRules, ...responseRules, ...regionRules, ...probeRules, ...messageRules, ...lifecycleRules],
};

const byId = new Map(contract.rules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule {
  const r = byId.get(id);
  if (!r) throw new Error(`unknown rule id ${id}`);
  return r;
}
