import type { RuleKind } from '../contract/rule.js';

/** Areas group rule kinds for totals, JUnit suites and the scorecard. */
export const AREAS: readonly { area: string; kinds: readonly RuleKind[] }[] = [
  { area: 'model constraints', kinds: ['required', 'length', 'range', 'pattern', 'enum', 'list-length'] },
  { area: 'cross-field and existence', kinds: ['cross-field', 'existence'] },
  { area: 'defaults', kinds: ['default'] },
  { area: 'output and consistency', kinds: ['output', 'consistency'] },
  { area: 'protocol and side effects', kinds: ['protocol', 'side-effect'] },
  // Fixed requests every Cognito refuses, sent on every run (contract/probeRules.ts).
  { area: 'probes', kinds: ['probe'] },
  // Wording apart from behaviour, so a maintainer can see and baseline it on its own (issue 14).
  { area: 'messages', kinds: ['message'] },
  // The client after Create: Update, Describe, List and Delete in sequences (issue 17).
  { area: 'client lifecycle', kinds: ['lifecycle'] },
];

export function areaOf(kind: RuleKind): string {
  return AREAS.find((a) => a.kinds.includes(kind))?.area ?? 'other';
}
