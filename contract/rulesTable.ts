import type { Rule } from './rule.js';
import { isConfirmed } from './verdictStrength.js';

/**
 * The rules as a Markdown table: id, kind, evidence, statement. Used by `spec` and docs/rules.md.
 * The statement is followed by what a reader should know: the sources disagree, a failure is
 * unconfirmed (fails the run only with --strict), the fixtures it needs, the ids it had before.
 */
export function rulesTable(rules: readonly Rule[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| id | kind | evidence | statement |', '| --- | --- | --- | --- |'];
  for (const r of rules) {
    const flags = [
      r.conflicts?.length ? 'sources disagree' : '',
      isConfirmed(r) ? '' : 'unconfirmed: fails only with --strict',
      r.needs?.length ? `needs ${r.needs.join(', ')}` : '',
      r.formerIds?.length ? `formerly ${r.formerIds.map((id) => `\`${id}\``).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    lines.push(`| \`${r.id}\` | ${r.kind} | ${r.evidence} | ${esc(r.statement)}${flags ? ` _(${flags})_` : ''} |`);
  }
  return lines.join('\n') + '\n';
}

/** Counts by evidence level, for the table's footer and the report. */
export function evidenceCounts(rules: readonly Rule[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rules) out[r.evidence] = (out[r.evidence] ?? 0) + 1;
  return out;
}
