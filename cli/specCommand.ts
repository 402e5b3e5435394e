import { parseFlags } from './parseFlags.js';
import { contract } from '../contract/contract.js';
import { evidenceCounts, rulesTable } from '../contract/rulesTable.js';

export const specHelp = `Usage: cognito-conformance contract [--json]   (alias: spec)

Print the CreateUserPoolClient contract.
  --json   the whole contract as JSON (input and output members, errors, rules)
  (none)   the rules as a table: id, kind, evidence, statement
`;

export function specCommand(argv: string[], out: (s: string) => void): number {
  const { values } = parseFlags('spec', argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    out(specHelp);
    return 0;
  }
  if (values.json) {
    out(JSON.stringify(contract, null, 2) + '\n');
    return 0;
  }
  const counts = Object.entries(evidenceCounts(contract.rules)).map(([k, v]) => `${k} ${v}`).join(', ');
  out(`${contract.operation} contract (model ${contract.modelDate}): ${contract.rules.length} rules (${counts})\n\n`);
  out(rulesTable(contract.rules));
  return 0;
}
