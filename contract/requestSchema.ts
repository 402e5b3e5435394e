import type { MemberNode } from './memberNode.js';

/** A JSON Schema (draft 2020-12 subset that ajv compiles) for a structure of contract members. */
export type JsonSchema = Record<string, unknown>;

export interface SchemaOptions {
  /** Reject members the contract does not know. */
  closed: boolean;
  /** Honour `required` (true for requests; responses have no required members). */
  withRequired: boolean;
}

/**
 * The model's patterns are Java regular expressions (AWS validates with Java), where `\s` means
 * ASCII whitespace only; in a JavaScript Unicode-mode pattern it also matches U+00A0, U+3000 and
 * more. Translate it so the judge agrees with AWS (ClientName's `[\w\s+=,.@-]`). `\w` and the
 * other escapes used in the model mean the same in both.
 */
export function jsPattern(modelPattern: string): string {
  return modelPattern.replace(/\\s/g, '\\t\\n\\x0B\\f\\r ');
}

export function nodeSchema(node: MemberNode, opts: SchemaOptions): JsonSchema {
  switch (node.type) {
    case 'string': {
      const s: JsonSchema = { type: 'string' };
      if (node.length?.min !== undefined) s.minLength = node.length.min;
      if (node.length?.max !== undefined) s.maxLength = node.length.max;
      if (node.pattern) s.pattern = jsPattern(node.pattern);
      return s;
    }
    case 'enum':
      return { type: 'string', enum: [...(node.enum ?? [])] };
    case 'integer': {
      const s: JsonSchema = { type: 'integer' };
      if (node.range?.min !== undefined) s.minimum = node.range.min;
      if (node.range?.max !== undefined) s.maximum = node.range.max;
      return s;
    }
    case 'boolean':
      return { type: 'boolean' };
    // awsJson1_1 sends timestamps as epoch seconds (a JSON number).
    case 'timestamp':
      return { type: 'number' };
    case 'list': {
      const s: JsonSchema = { type: 'array', items: nodeSchema(node.items as MemberNode, opts) };
      if (node.length?.min !== undefined) s.minItems = node.length.min;
      if (node.length?.max !== undefined) s.maxItems = node.length.max;
      return s;
    }
    case 'structure':
      return structureSchema(node.members ?? {}, opts);
  }
}

export function structureSchema(members: Readonly<Record<string, MemberNode>>, opts: SchemaOptions): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, node] of Object.entries(members)) {
    properties[name] = nodeSchema(node, opts);
    if (opts.withRequired && node.required) required.push(name);
  }
  const s: JsonSchema = { type: 'object', properties };
  if (required.length) s.required = required;
  if (opts.closed) s.additionalProperties = false;
  return s;
}
