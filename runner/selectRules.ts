import type { Rule, RuleKind } from '../contract/rule.js';

/**
 * `--rules` patterns: comma-separated globs over rule ids, `*` matching any run of characters
 * (`default.*`, `oauth.*,token-validity.*`, `client-name.max-length`).
 */
export function ruleMatcher(patterns: string | undefined): (id: string) => boolean {
  const list = (patterns ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (!list.length) return () => true;
  const res = list.map((p) => new RegExp('^' + p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$'));
  return (id) => res.some((re) => re.test(id));
}

export function selectRules(rules: readonly Rule[], kinds: readonly RuleKind[], patterns: string | undefined): Rule[] {
  const match = ruleMatcher(patterns);
  return rules.filter((r) => kinds.includes(r.kind) && match(r.id));
}
