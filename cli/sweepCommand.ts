import { parseFlags } from './parseFlags.js';
import { loadTargetConfig } from '../targets/targetConfig.js';
import { openTarget } from '../targets/openTarget.js';
import { RUN_ID_ROOT } from '../targets/runIdPrefix.js';
import { sweepLeftovers } from '../targets/sweepLeftovers.js';
import { UsageError } from './usageError.js';

export const sweepHelp = `Usage: cognito-conformance sweep (--target NAME | --endpoint URL) [--region R] [--prefix P]

Deletes user pools (and their clients) that runs left behind, e.g. after a crash or a killed CI
job: every pool whose name starts with the prefix. Runs name their pools ${RUN_ID_ROOT}<time>-<random>-<n>.
  --target NAME    aws | localstack | moto
  --endpoint URL   any endpoint speaking the Cognito API
  --region R       region (as for run)
  --prefix P       default ${RUN_ID_ROOT} (every run's pools); a run id prefix removes one run's
Do not sweep while another run works in the same account and region: its pool matches too.
Exit codes: 0 swept (or nothing to sweep); 2 usage or harness error, or a pool could not be deleted.
`;

export async function sweepCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseFlags('sweep', argv, {
    target: { type: 'string' }, endpoint: { type: 'string' }, region: { type: 'string' },
    prefix: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    out(sweepHelp);
    return 0;
  }
  // An embedded emulator lives only as long as its run: there is nothing to sweep there.
  if ((!values.target && !values.endpoint) || values.target === 'cognito-local') {
    throw new UsageError('sweep needs a target that outlives a run: --target aws|localstack|moto or --endpoint URL');
  }
  const config = await loadTargetConfig({
    ...(values.target ? { target: values.target } : {}),
    ...(values.endpoint ? { endpoint: values.endpoint } : {}),
    ...(values.region ? { region: values.region } : {}),
  });
  const opened = await openTarget(config);
  try {
    const swept = await sweepLeftovers(opened.target, values.prefix ?? RUN_ID_ROOT);
    for (const p of swept.pools) out(`deleted ${p.name} (${p.id})\n`);
    for (const f of swept.failures) out(`could not delete ${f.name} (${f.id}): ${f.message}\n`);
    out(`${swept.pools.length} pool(s) and ${swept.clientsDeleted} client(s) deleted, ${swept.failures.length} failure(s)\n`);
    return swept.failures.length ? 2 : 0;
  } finally {
    await opened.close();
  }
}
