import { TIME_UNITS, type TimeUnit } from '../contract/memberShapes.js';
import { requestMembers } from '../contract/requestMembers.js';
import { UNIT_SECONDS, type TokenSpec } from '../contract/tokenValidity.js';

/**
 * Which values a token validity may take in a unit: the duration rules of contract/tokenValidity.ts
 * (TOKENS: access and ID 5 minutes–1 day, refresh 60 minutes–3650 days) intersected with the
 * model's integer ranges of the value members. `undefined` stands for "no unit": the token's
 * default unit (hours for access and ID, days for refresh).
 */
export type UnitOrDefault = TimeUnit | undefined;

export const UNIT_CHOICES: readonly UnitOrDefault[] = [undefined, ...TIME_UNITS];

export interface IntRange {
  min: number;
  max: number;
}

export function modelRange(t: TokenSpec): IntRange {
  const r = requestMembers[t.valueMember].range!;
  return { min: r.min!, max: r.max! };
}

/** Values whose duration is in range in this unit (empty when min > max). */
export function valueBounds(t: TokenSpec, unit: UnitOrDefault): IntRange {
  const seconds = UNIT_SECONDS[unit ?? t.defaultUnit];
  const model = modelRange(t);
  return {
    min: Math.max(Math.ceil(t.minSeconds / seconds), model.min, 1),
    max: Math.min(Math.floor(t.maxSeconds / seconds), model.max),
  };
}

/**
 * Whether a valid request may send this value in this unit. RefreshTokenValidity 0 is documented
 * as "replaced by 30 days" (refresh-token-validity.zero-means-default); how 0 combines with an
 * explicit unit other than days is not documented, so 0 goes only with no unit or `days`.
 */
export function acceptsValue(t: TokenSpec, unit: UnitOrDefault, value: number): boolean {
  if (!Number.isInteger(value)) return false;
  if (t.kind === 'refresh' && value === 0) return unit === undefined || unit === 'days';
  const b = valueBounds(t, unit);
  return value >= b.min && value <= b.max;
}

/** A unit sent without its value applies to the default value (token-validity.unit-without-value). */
export function unitAloneInRange(t: TokenSpec, unit: TimeUnit): boolean {
  const s = t.defaultValue * UNIT_SECONDS[unit];
  return s >= t.minSeconds && s <= t.maxSeconds;
}

/** Out-of-duration values that are still inside the model range, below and above, in a unit. */
export function outOfRangeIntervals(t: TokenSpec, unit: UnitOrDefault): { below?: IntRange; above?: IntRange } {
  const b = valueBounds(t, unit);
  const model = modelRange(t);
  // 0 is the refresh token's "use the default" value, not a short duration: never a breaker.
  const lowest = t.kind === 'refresh' ? Math.max(model.min, 1) : model.min;
  const out: { below?: IntRange; above?: IntRange } = {};
  if (b.min - 1 >= lowest) out.below = { min: lowest, max: b.min - 1 };
  if (b.max + 1 <= model.max) out.above = { min: b.max + 1, max: model.max };
  return out;
}
