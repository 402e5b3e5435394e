/**
 * Each rule's property gets its own seed derived from the run seed and the rule id, so a rule
 * replays alone (`--rules <id> --seed <run seed>`) exactly as it ran among all others.
 */
export function ruleSeed(runSeed: number, ruleId: string): number {
  // FNV-1a over the rule id, mixed with the run seed; kept in the 32-bit signed range fast-check uses.
  let h = 0x811c9dc5 ^ (runSeed | 0);
  for (let i = 0; i < ruleId.length; i++) {
    h ^= ruleId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
