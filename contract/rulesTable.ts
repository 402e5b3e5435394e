import type { Rule } from './rule.js';

/** The rules as a Markdown table: id, kind, evidence, statement. Used by `spec` and docs/rules.md. */
export function rulesTable(rules: readonly Rule[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const lines = ['| id | kind | evidence | statement |', '| --- | --- | --- | --- |'];
  for (const r of rules) {
    const flags = [r.conflicts?.length ? 'sources disagree' : '', r.needs?.length ? `needs ${r.needs.join(', ')}` : '']
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
