import { contract } from '../contract/contract.js';
import { evidenceCounts, rulesTable } from '../contract/rulesTable.js';

/** docs/rules.md: generated from the contract by `npm run -s docs`; a test keeps it current. */
export function rulesDoc(): string {
  const counts = Object.entries(evidenceCounts(contract.rules)).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    '# The CreateUserPoolClient contract: rules',
    '',
    `Generated from \`contract/\` by \`npm run -s docs\`; do not edit by hand. Model ${contract.modelDate}; ${contract.rules.length} rules (${counts}).`,
    'Evidence: **model** (the AWS service model), **documented** (AWS documentation), **observed** (a real AWS response was seen),',
    '**invariant** (follows from what the API means: one stored client, one id, an error changes nothing),',
    '**inferred** (reasoned from the sources, not seen). A failure of an inferred rule, or of one whose sources are disputed or',
    'unresolved, is *unconfirmed*: reported, but it fails a run only with `--strict`.',
    '`npm run -s conformance -- spec --json` prints every rule with its sources, expected outcome and the claims it does not follow.',
    '',
    rulesTable(contract.rules),
  ].join('\n');
}

if (process.argv[1] !== undefined && /cli[\\/]rulesDoc\.ts$/.test(process.argv[1])) process.stdout.write(rulesDoc());
