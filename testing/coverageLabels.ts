import type { MemberNode } from '../contract/memberNode.js';
import { requestMembers } from '../contract/requestMembers.js';
import { TOKENS, UNIT_SECONDS } from '../contract/tokenValidity.js';
import type { TimeUnit } from '../contract/memberShapes.js';
import { charLength, hasAstral, isAscii } from '../generators/patternChars.js';

/**
 * What a request exercises, as labels read off the contract's member tree: every member present,
 * every enum value and boolean, every integer and string at its bounds (strings also tagged
 * `non-ascii` / `astral`), every list empty or full, every token validity at the edge of its
 * allowed duration in the unit it was sent in, and the kinds of redirect URL. Generators are
 * checked against the labels a spec-derived list says they must reach.
 *
 * Label grammar (stable; tests and coverage printouts use it):
 * - `member:<path>`                      the member is present
 * - `enum:<path>=<value>`, `bool:<path>=<true|false>`
 * - `int:<path>=<min|max>`
 * - `len:<path>=<min|max>[:non-ascii|:astral]`
 * - `list:<path>=<empty|max>`
 * - `token:<access|id|refresh>:<unit|default>=<value>`  value at an edge of the allowed duration
 * - `token:<kind>:<unit>=unit-only`, `token:refresh:default=0`
 * - `url:<path>=<https|custom-scheme|http-localhost|http-127.0.0.1|http-[::1]|port|non-ascii-path>`
 */
export function coverageLabels(request: Readonly<Record<string, unknown>>): string[] {
  const out = new Set<string>();
  for (const [name, node] of Object.entries(requestMembers)) visit(name, node, request[name], out);
  tokenLabels(request, out);
  for (const member of ['CallbackURLs', 'LogoutURLs']) {
    const urls = request[member];
    if (Array.isArray(urls)) for (const u of urls) if (typeof u === 'string') urlLabels(`${member}[]`, u, out);
  }
  return [...out];
}

function visit(path: string, node: MemberNode, value: unknown, out: Set<string>): void {
  if (value === undefined) return;
  if (!path.endsWith('[]')) out.add(`member:${path}`);
  switch (node.type) {
    case 'enum':
      out.add(`enum:${path}=${String(value)}`);
      return;
    case 'boolean':
      out.add(`bool:${path}=${String(value)}`);
      return;
    case 'integer':
      if (value === node.range?.min) out.add(`int:${path}=min`);
      if (value === node.range?.max) out.add(`int:${path}=max`);
      return;
    case 'string': {
      if (typeof value !== 'string') return;
      const n = charLength(value);
      const script = [isAscii(value) ? '' : ':non-ascii', hasAstral(value) ? ':astral' : ''].filter(Boolean);
      for (const [edge, bound] of [['min', node.length?.min], ['max', node.length?.max]] as const) {
        if (bound === undefined || n !== bound) continue;
        out.add(`len:${path}=${edge}`);
        for (const s of script) out.add(`len:${path}=${edge}${s}`);
      }
      return;
    }
    case 'list':
      if (!Array.isArray(value)) return;
      if (value.length === 0) out.add(`list:${path}=empty`);
      if (node.length?.max !== undefined && value.length === node.length.max) out.add(`list:${path}=max`);
      for (const item of value) visit(`${path}[]`, node.items!, item, out);
      return;
    case 'structure':
      if (typeof value !== 'object' || value === null) return;
      for (const [name, child] of Object.entries(node.members ?? {})) visit(`${path}.${name}`, child, (value as Record<string, unknown>)[name], out);
      return;
    case 'timestamp':
      return;
  }
}

function tokenLabels(request: Readonly<Record<string, unknown>>, out: Set<string>): void {
  const units = (request.TokenValidityUnits ?? {}) as Partial<Record<string, TimeUnit>>;
  for (const t of TOKENS) {
    const value = request[t.valueMember];
    const unit = units[t.unitMember];
    if (value === undefined) {
      if (unit !== undefined) out.add(`token:${t.kind}:${unit}=unit-only`);
      continue;
    }
    if (typeof value !== 'number') continue;
    const label = `token:${t.kind}:${unit ?? 'default'}=${value}`;
    if (t.kind === 'refresh' && value === 0) {
      out.add(label);
      continue;
    }
    // An edge: one step down or up in the same unit leaves the allowed duration or the model range.
    const seconds = UNIT_SECONDS[unit ?? t.defaultUnit];
    const range = requestMembers[t.valueMember].range ?? {};
    const inside = (v: number) => v >= Math.max(range.min ?? 1, 1) && v <= (range.max ?? Infinity) && v * seconds >= t.minSeconds && v * seconds <= t.maxSeconds;
    if (inside(value) && (!inside(value - 1) || !inside(value + 1))) out.add(label);
  }
}

function urlLabels(path: string, url: string, out: Set<string>): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol === 'https:') out.add(`url:${path}=https`);
  else if (parsed.protocol === 'http:') out.add(`url:${path}=http-${parsed.hostname}`);
  else out.add(`url:${path}=custom-scheme`);
  if (parsed.port !== '') out.add(`url:${path}=port`);
  if (!isAscii(url)) out.add(`url:${path}=non-ascii-path`);
}
