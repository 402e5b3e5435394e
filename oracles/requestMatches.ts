import type { Expectation } from '../contract/rule.js';
import { deepEqual } from './deepEqual.js';
import { memberAt } from './memberAt.js';

export type When = NonNullable<Extract<Expectation, { outcome: 'accepted' }>['when']>;

/**
 * Whether a request is the one a rule's `expect.when` is about: every `omit` member really absent
 * (an explicit false or [] is a value, not an omission) and every `set` member equal to its value.
 */
export function requestMatches(request: unknown, when: When | undefined): boolean {
  if (!when) return true;
  if ((when.omit ?? []).some((path) => memberAt(request, path) !== undefined)) return false;
  return Object.entries(when.set ?? {}).every(([path, value]) => deepEqual(memberAt(request, path), value));
}
