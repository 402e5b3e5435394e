import type { MemberNode } from './memberNode.js';
import type { Rule } from './rule.js';
import { modelRuleId, type ConstraintKind } from './ruleIds.js';
import { modelSource, src } from './sources.js';

/**
 * One rule per constraint the model puts on a request member (required, length in characters,
 * range, pattern, enum, list bounds). Real AWS reports every one of them as
 * InvalidParameterException with status 400 ("N validation error(s) detected: …"), which public
 * reports show for enums, lengths and patterns (src.cfnValidation).
 */
const REJECT = { outcome: 'rejected', errorTypes: ['InvalidParameterException'], status: 400 } as const;

// Lengths count characters: a 1024-character URL of multi-byte characters and a 32-character
// provider name of multi-byte characters were accepted by real AWS.
const CHARACTER_LENGTH_OBSERVED = new Set(['CallbackURLs[]', 'LogoutURLs[]', 'DefaultRedirectURI', 'SupportedIdentityProviders[]']);

function constraintRule(path: string, node: MemberNode, constraint: ConstraintKind, statement: string, fact: string): Rule {
  const sources = [modelSource(`${node.shape ?? path} ${fact}`), src.cfnValidation];
  if ((constraint === 'max-length' || constraint === 'min-length') && CHARACTER_LENGTH_OBSERVED.has(path)) sources.push(src.tfTestUtf8);
  const kind =
    constraint === 'required' ? 'required'
    : constraint === 'min' || constraint === 'max' ? 'range'
    : constraint === 'pattern' ? 'pattern'
    : constraint === 'enum' ? 'enum'
    : constraint === 'max-items' ? 'list-length'
    : 'length';
  return {
    id: modelRuleId(path, constraint),
    kind,
    members: [path],
    statement,
    evidence: 'model',
    sources,
    expect: REJECT,
    breakable: true,
  };
}

function rulesFor(path: string, node: MemberNode, out: Rule[]): void {
  const label = path.endsWith('[]') ? `each ${path.slice(0, -2)} item` : path;
  if (node.required) out.push(constraintRule(path, node, 'required', `${label} is required`, 'required'));
  if (node.type === 'list') {
    if (node.length?.max !== undefined) {
      out.push(constraintRule(path, node, 'max-items', `${label} has at most ${node.length.max} items`, `length max ${node.length.max}`));
    }
    if (node.items) rulesFor(`${path}[]`, node.items, out);
    return;
  }
  if (node.length?.min !== undefined && node.length.min > 0) {
    out.push(constraintRule(path, node, 'min-length', `${label} has at least ${node.length.min} character${node.length.min === 1 ? '' : 's'}`, `length min ${node.length.min}`));
  }
  if (node.length?.max !== undefined) {
    out.push(constraintRule(path, node, 'max-length', `${label} has at most ${node.length.max} characters`, `length max ${node.length.max}`));
  }
  if (node.range?.min !== undefined) {
    out.push(constraintRule(path, node, 'min', `${label} is at least ${node.range.min}`, `range min ${node.range.min}`));
  }
  if (node.range?.max !== undefined) {
    out.push(constraintRule(path, node, 'max', `${label} is at most ${node.range.max}`, `range max ${node.range.max}`));
  }
  if (node.pattern) out.push(constraintRule(path, node, 'pattern', `${label} matches ${node.pattern}`, `pattern ${node.pattern}`));
  if (node.enum) out.push(constraintRule(path, node, 'enum', `${label} is one of ${node.enum.join(', ')}`, 'enum'));
  for (const [name, child] of Object.entries(node.members ?? {})) rulesFor(`${path}.${name}`, child, out);
}

export function modelRules(members: Readonly<Record<string, MemberNode>>): Rule[] {
  const out: Rule[] = [];
  for (const [name, node] of Object.entries(members)) rulesFor(name, node, out);
  return out;
}
