import type { TimeUnit } from './memberShapes.js';

/**
 * Token validity arithmetic. A validity is a value in a unit; without a unit, access and ID tokens
 * are in hours and refresh tokens in days. Allowed durations: access and ID 5 minutes to 1 day,
 * refresh 60 minutes to 10 years (3650 days) — model TokenValidityUnitsType documentation
 * (2026-04-21) and real "Invalid range for token validity." rejections (contract/sources.ts tokenRangeMsg).
 */
export const UNIT_SECONDS: Readonly<Record<TimeUnit, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86400 };

export type TokenKind = 'access' | 'id' | 'refresh';

export interface TokenSpec {
  kind: TokenKind;
  valueMember: 'AccessTokenValidity' | 'IdTokenValidity' | 'RefreshTokenValidity';
  unitMember: 'AccessToken' | 'IdToken' | 'RefreshToken';
  defaultUnit: TimeUnit;
  /** The service default, applied when a unit is given without a value (1 hour, 1 hour, 30 days). */
  defaultValue: number;
  minSeconds: number;
  maxSeconds: number;
  rangeRuleId: string;
}

export const TOKENS: readonly TokenSpec[] = [
  { kind: 'access', valueMember: 'AccessTokenValidity', unitMember: 'AccessToken', defaultUnit: 'hours', defaultValue: 1, minSeconds: 300, maxSeconds: 86400, rangeRuleId: 'token-validity.access.range' },
  { kind: 'id', valueMember: 'IdTokenValidity', unitMember: 'IdToken', defaultUnit: 'hours', defaultValue: 1, minSeconds: 300, maxSeconds: 86400, rangeRuleId: 'token-validity.id.range' },
  { kind: 'refresh', valueMember: 'RefreshTokenValidity', unitMember: 'RefreshToken', defaultUnit: 'days', defaultValue: 30, minSeconds: 3600, maxSeconds: 315360000, rangeRuleId: 'token-validity.refresh.range' },
];

export type TokenReading =
  | { state: 'unset' }
  /** A value (0 for refresh counts as the default 30) in a unit, explicit or default. */
  | { state: 'value'; seconds: number; inRange: boolean }
  /** A unit without a value: the default value in that unit. */
  | { state: 'unit-only'; seconds: number; inRange: boolean };

export function readToken(request: Readonly<Record<string, unknown>>, t: TokenSpec): TokenReading {
  const raw = request[t.valueMember];
  const units = request.TokenValidityUnits as Partial<Record<string, TimeUnit>> | undefined;
  const unit = units?.[t.unitMember];
  if (raw === undefined && unit === undefined) return { state: 'unset' };
  const explicitUnit = unit !== undefined && unit in UNIT_SECONDS ? unit : t.defaultUnit;
  if (raw === undefined) {
    const seconds = t.defaultValue * UNIT_SECONDS[explicitUnit];
    return { state: 'unit-only', seconds, inRange: seconds >= t.minSeconds && seconds <= t.maxSeconds };
  }
  if (typeof raw !== 'number' || !Number.isInteger(raw)) return { state: 'unset' };
  const value = t.kind === 'refresh' && raw === 0 ? t.defaultValue : raw;
  const seconds = value * UNIT_SECONDS[explicitUnit];
  return { state: 'value', seconds, inRange: seconds >= t.minSeconds && seconds <= t.maxSeconds };
}
