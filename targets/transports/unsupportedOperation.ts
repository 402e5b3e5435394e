import type { Exchange } from '../exchange.js';
import { isSuccessStatus } from '../isSuccessStatus.js';

/**
 * Error names with which targets say "I do not have this operation": cognito-local
 * (`CognitoLocal#Unsupported`, HTTP 500), AWS-style front ends (UnknownOperationException), and
 * emulators that name it plainly.
 */
export const UNSUPPORTED_ERROR_TYPES: readonly string[] = [
  'Unsupported',
  'UnknownOperationException',
  'UnknownOperation',
  'NotImplemented',
  'NotImplementedException',
  'InvalidAction',
];

/**
 * True when the answer means the target lacks the operation, as opposed to refusing this input.
 * Also: HTTP 501; HTTP 404 without an error name (no such route: a real ResourceNotFoundException
 * is named); and a 5xx whose message says "not implemented" or "unsupported" (LocalStack says
 * "not yet implemented", moto surfaces Python's NotImplementedError).
 */
export function isUnsupportedOperation(exchange: Pick<Exchange, 'status' | 'errorType' | 'errorMessage' | 'rawBody'>): boolean {
  if (isSuccessStatus(exchange.status)) return false;
  if (exchange.errorType !== undefined && UNSUPPORTED_ERROR_TYPES.includes(exchange.errorType)) return true;
  if (exchange.status === 501) return true;
  if (exchange.status === 404 && exchange.errorType === undefined) return true;
  if (exchange.status >= 500) {
    const text = `${exchange.errorMessage ?? ''} ${exchange.rawBody.slice(0, 2_000)}`;
    return /not[ _-]?(yet )?implemented|unsupported/i.test(text);
  }
  return false;
}
