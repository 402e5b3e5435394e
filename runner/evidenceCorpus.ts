import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readRecordings } from '../targets/recording/readRecordings.js';
import type { LoadedRecord } from '../targets/recording/recordedExchange.js';
import { judgeRecords, type JudgeOutcome } from './judgeRecords.js';
import { ruleObservations, type RuleObservation } from './ruleObservations.js';

/**
 * The project's own evidence corpus: real AWS exchanges from public sources (contract/evidence/*.jsonl,
 * described in contract/evidence/README.md), in the recorded-exchange format.
 */
export const EVIDENCE_DIR = fileURLToPath(new URL('../contract/evidence/', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function readEvidence(): LoadedRecord[] {
  return existsSync(EVIDENCE_DIR) ? readRecordings([EVIDENCE_DIR], { relativeTo: ROOT }) : [];
}

let cached: { outcome: JudgeOutcome; observations: Map<string, RuleObservation> } | undefined;

/** The corpus judged, and per rule the records that show it (computed once per process). */
export function evidenceObservations(): { outcome: JudgeOutcome; observations: Map<string, RuleObservation> } {
  if (!cached) {
    const outcome = judgeRecords(readEvidence());
    cached = { outcome, observations: ruleObservations(outcome) };
  }
  return cached;
}
