import type { MemberNode } from './memberNode.js';

/**
 * Compares the contract's member names and enum values with what an AWS SDK for JavaScript v3
 * build of cognito-idp knows at run time: its static schemas (`<Shape>$` arrays:
 * `[3, namespace, name, traits, memberNames, memberSchemas, …]`) and its enum objects.
 * An SDK upgrade that adds a member or an enum value shows up here as drift.
 */
export type SdkModule = Readonly<Record<string, unknown>>;

export interface DriftItem {
  /** `input.ClientType`, `output.TokenValidityUnits.Foo`, `enum TimeUnitsType: weeks`. */
  path: string;
  kind: 'member-only-in-sdk' | 'member-only-in-contract' | 'enum-value-only-in-sdk' | 'enum-value-only-in-contract';
}

type Schema = readonly unknown[];

function resolve(schema: unknown): Schema | undefined {
  let s = schema;
  if (Array.isArray(s) && typeof s[0] === 'function') s = s[0];
  if (typeof s === 'function') s = (s as () => unknown)();
  return Array.isArray(s) && s[0] === 3 ? (s as Schema) : undefined;
}

function compareStructure(path: string, contractMembers: Readonly<Record<string, MemberNode>>, schema: Schema, out: DriftItem[]): void {
  const names = schema[4] as readonly string[];
  const memberSchemas = schema[5] as readonly unknown[];
  names.forEach((name, i) => {
    const node = contractMembers[name];
    if (!node) {
      out.push({ path: `${path}.${name}`, kind: 'member-only-in-sdk' });
      return;
    }
    const nested = node.type === 'structure' ? resolve(memberSchemas[i]) : undefined;
    if (node.members && nested) compareStructure(`${path}.${name}`, node.members, nested, out);
  });
  for (const name of Object.keys(contractMembers)) {
    if (!names.includes(name)) out.push({ path: `${path}.${name}`, kind: 'member-only-in-contract' });
  }
}

function enumNodes(members: Readonly<Record<string, MemberNode>>, acc = new Map<string, readonly string[]>()): Map<string, readonly string[]> {
  for (const node of Object.values(members)) {
    const n = node.type === 'list' && node.items ? node.items : node;
    if (n.enum && n.shape) acc.set(n.shape, n.enum);
    if (n.members) enumNodes(n.members, acc);
  }
  return acc;
}

export function sdkDrift(
  sdk: SdkModule,
  contract: { input: Readonly<Record<string, MemberNode>>; output: Readonly<Record<string, MemberNode>> },
): DriftItem[] {
  const out: DriftItem[] = [];
  const request = resolve(sdk['CreateUserPoolClientRequest$']);
  const client = resolve(sdk['UserPoolClientType$']);
  if (!request || !client) throw new Error('the SDK does not export CreateUserPoolClientRequest$/UserPoolClientType$ schemas');
  compareStructure('input', contract.input, request, out);
  compareStructure('output', contract.output, client, out);
  const enums = enumNodes({ ...contract.input, ...contract.output });
  for (const [shape, values] of enums) {
    const sdkEnum = sdk[shape] as Record<string, string> | undefined;
    if (!sdkEnum) continue;
    const sdkValues = Object.values(sdkEnum);
    for (const v of sdkValues) if (!values.includes(v)) out.push({ path: `enum ${shape}: ${v}`, kind: 'enum-value-only-in-sdk' });
    for (const v of values) if (!sdkValues.includes(v)) out.push({ path: `enum ${shape}: ${v}`, kind: 'enum-value-only-in-contract' });
  }
  return out;
}
