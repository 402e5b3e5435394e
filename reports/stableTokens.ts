/**
 * Server-generated values become stable tokens before two runs are compared (`<ClientId:1>`,
 * `<CreationDate:1>`), so a diff shows what changed in behaviour, not new ids and clocks
 * (the habit of LocalStack's snapshot tests).
 */
const GENERATED = new Set(['ClientId', 'UserPoolId', 'ClientSecret', 'CreationDate', 'LastModifiedDate', 'RequestId']);

export function stableTokens<T>(value: T): T {
  const seen = new Map<string, Map<string, number>>();
  const token = (key: string, v: unknown): string => {
    const raw = JSON.stringify(v);
    let byValue = seen.get(key);
    if (!byValue) seen.set(key, (byValue = new Map()));
    if (!byValue.has(raw)) byValue.set(raw, byValue.size + 1);
    return `<${key}:${byValue.get(raw)}>`;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== 'object') return v;
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).map(([k, child]) => [k, GENERATED.has(k) && child !== undefined && child !== null && typeof child !== 'object' ? token(k, child) : walk(child)]),
    );
  };
  return walk(value) as T;
}
