import { parseFlags } from './parseFlags.js';
import { loadTargetConfig } from '../targets/targetConfig.js';
import { openTarget } from '../targets/openTarget.js';
import { RUN_ID_ROOT } from '../targets/pool/runIdPrefix.js';
import { DEFAULT_OLDER_THAN_MS, sweepLeftovers } from '../targets/pool/sweepLeftovers.js';
import { allowedAccounts, checkAccount, ACCOUNTS_ENV } from '../targets/aws/accountGuard.js';
import { credentialsFor } from '../targets/aws/credentialSource.js';
import { formatDuration } from '../runner/durationText.js';
import { parseDuration } from '../runner/parseDuration.js';
import { UsageError } from './usageError.js';

export const sweepHelp = `Usage: cognito-conformance sweep (--target NAME | --endpoint URL) [--region R] [--prefix P] [--older-than D] [--yes]

Lists, and with --yes deletes, the user pools (and their clients) that runs left behind, e.g. after
a crash or a killed CI job. A pool is a leftover only when its whole name is a run's pool name
(${RUN_ID_ROOT}<yyyymmdd>t<hhmmss>-<4 hex>-<n>), it starts with the prefix and it is old enough; no other pool
is ever touched.
  --target NAME    aws | localstack | moto
  --endpoint URL   any endpoint speaking the Cognito API
  --region R       region (as for run)
  --account ID[,ID]  allowed AWS accounts (else ${ACCOUNTS_ENV}); required for aws and any non-loopback endpoint
  --prefix P       default ${RUN_ID_ROOT} (every run's pools); a run id prefix selects one run's
  --older-than D   only pools created at least D ago (default ${formatDuration(DEFAULT_OLDER_THAN_MS)}; 90m, 1h30m, 0 for all)
  --yes            delete them; without it, only list what would be deleted
Exit codes: 0 listed or swept (or nothing to sweep); 2 usage or harness error, or a pool could not be deleted.
`;

export async function sweepCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const { values } = parseFlags('sweep', argv, {
    target: { type: 'string' }, endpoint: { type: 'string' }, region: { type: 'string' },
    prefix: { type: 'string' }, 'older-than': { type: 'string' }, yes: { type: 'boolean' }, account: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
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
  const olderThanMs = values['older-than'] === undefined ? DEFAULT_OLDER_THAN_MS : parseDuration('--older-than', values['older-than']);
  await checkAccount({
    targetKind: config.kind,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    allowed: allowedAccounts(values.account) ?? [],
    credentials: credentialsFor(config.credentials, config.profile === undefined ? {} : { profile: config.profile }),
    region: config.region,
  });
  const opened = await openTarget(config);
  try {
    const swept = await sweepLeftovers(opened.target, { prefix: values.prefix ?? RUN_ID_ROOT, olderThanMs, delete: values.yes === true });
    const age = (ms: number | undefined) => (ms === undefined ? 'age unknown' : `${formatDuration(ms)} old`);
    for (const p of swept.leftovers) out(`${swept.dryRun ? 'would delete' : swept.deleted.includes(p) ? 'deleted' : 'not deleted'} ${p.name} (${p.id}, ${age(p.ageMs)})\n`);
    for (const f of swept.failures) out(`could not delete ${f.name} (${f.id}): ${f.message}\n`);
    const kept = `${swept.tooYoung.length} run pool(s) younger than ${formatDuration(olderThanMs)} kept, ${swept.othersUntouched} other pool(s) not touched`;
    if (swept.dryRun) out(`${swept.leftovers.length} leftover pool(s) found, none deleted (pass --yes to delete them); ${kept}\n`);
    else out(`${swept.deleted.length} pool(s) and ${swept.clientsDeleted} client(s) deleted, ${swept.failures.length} failure(s); ${kept}\n`);
    return swept.failures.length ? 2 : 0;
  } finally {
    await opened.close();
  }
}
