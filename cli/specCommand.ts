import { parseFlags } from './parseFlags.js';
import { contract } from '../contract/contract.js';
import { evidenceCounts, rulesTable } from '../contract/rulesTable.js';
import type { Rule } from '../contract/rule.js';
import { evidenceObservations } from '../runner/evidenceCorpus.js';

export const specHelp = `Usage: cognito-conformance contract [--json]   (alias: spec)

Print the CreateUserPoolClient contract.
  --json   the whole contract as JSON (input and output members, errors, rules; each rule with
           observedIn, the contract/evidence/ records that show it, and newestObservation, the newest one's day)
  (none)   the rules as a table: id, kind, evidence, statement, and the day of the newest recorded
           AWS exchange that shows the rule (contract/evidence/), so rules nobody has seen hold lately stand out
`;

/** Per rule: the evidence records that show it (judge over contract/evidence/) and the newest one's day. */
function withObservations(rule: Rule): Rule & { observedIn: string[]; newestObservation?: string } {
  const seen = evidenceObservations().observations.get(rule.id);
  return { ...rule, observedIn: seen?.records ?? [], ...(seen ? { newestObservation: seen.newest } : {}) };
}

/** The rules table with a last column: the newest observation's day and how many records show the rule. */
function tableWithObservations(rules: readonly Rule[]): string {
  const lines = rulesTable(rules).trimEnd().split('\n');
  if (lines.length !== rules.length + 2) return rulesTable(rules);
  const cell = (r: Rule) => {
    const seen = evidenceObservations().observations.get(r.id);
    return seen ? `${seen.newest} (${seen.records.length})` : '—';
  };
  return [`${lines[0]} newest observation (records) |`, `${lines[1]} --- |`, ...rules.map((r, i) => `${lines[i + 2]} ${cell(r)} |`)].join('\n') + '\n';
}

export function specCommand(argv: string[], out: (s: string) => void): number {
  const { values } = parseFlags('spec', argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    out(specHelp);
    return 0;
  }
  if (values.json) {
    out(JSON.stringify({ ...contract, rules: contract.rules.map(withObservations) }, null, 2) + '\n');
    return 0;
  }
  const counts = Object.entries(evidenceCounts(contract.rules)).map(([k, v]) => `${k} ${v}`).join(', ');
  out(`${contract.operation} contract (model ${contract.modelDate}): ${contract.rules.length} rules (${counts})\n\n`);
  out(tableWithObservations(contract.rules));
  const { outcome } = evidenceObservations();
  out(`\nNewest observation: the day of the newest of the ${outcome.records} recorded AWS exchanges in contract/evidence/ that shows the rule (\`judge contract/evidence/\`); — none does.\n`);
  return 0;
}
