import { modelSource, src } from './sources.js';

/**
 * The error shapes the model lists for CreateUserPoolClient, with what real AWS sends.
 * The model's httpError traits say 404 (ResourceNotFound), 429 (TooManyRequests) and
 * 403 (NotAuthorized, FeatureUnavailableInTier), but real responses and the API reference
 * carry 400 for every client error; the contract follows real AWS and keeps the model's claim.
 */
export interface OperationError {
  name: string;
  fault: 'client' | 'server';
  /** The status the model's `smithy.api#httpError` trait gives. */
  modelStatus: number;
  /** The status real AWS sends, which the contract expects. */
  status: number;
  statusSources: readonly string[];
}

const observed400 = [src.apiRefErrors, src.status400];

export const operationErrors: readonly OperationError[] = [
  { name: 'InvalidParameterException', fault: 'client', modelStatus: 400, status: 400, statusSources: [src.cfnValidation, src.apiRefErrors] },
  { name: 'ResourceNotFoundException', fault: 'client', modelStatus: 404, status: 400, statusSources: observed400 },
  { name: 'TooManyRequestsException', fault: 'client', modelStatus: 429, status: 400, statusSources: observed400 },
  { name: 'LimitExceededException', fault: 'client', modelStatus: 400, status: 400, statusSources: [src.apiRefErrors] },
  { name: 'NotAuthorizedException', fault: 'client', modelStatus: 403, status: 400, statusSources: [src.apiRefErrors] },
  { name: 'ScopeDoesNotExistException', fault: 'client', modelStatus: 400, status: 400, statusSources: [src.scopeMissing] },
  { name: 'InvalidOAuthFlowException', fault: 'client', modelStatus: 400, status: 400, statusSources: [src.ccSecret] },
  { name: 'FeatureUnavailableInTierException', fault: 'client', modelStatus: 403, status: 400, statusSources: [src.apiRefErrors] },
  // Not in the 2026-04-21 model: botocore added it on 2026-06-01 for secondary replica regions.
  { name: 'OperationNotEnabledException', fault: 'client', modelStatus: 400, status: 400, statusSources: [src.botocore2026] },
  { name: 'InternalErrorException', fault: 'server', modelStatus: 500, status: 500, statusSources: [modelSource('InternalErrorException is a server error without httpError (500)'), src.apiRefErrors] },
];

export function errorStatus(name: string): number {
  const e = operationErrors.find((x) => x.name === name);
  if (!e) throw new Error(`unknown error shape ${name}`);
  return e.status;
}
