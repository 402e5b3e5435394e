import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main, mainHelp } from '../cli/main.js';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import { planRun } from '../runner/runPlan.js';
import { selectRules } from '../runner/selectRules.js';
import { PROBES } from '../contract/probeRules.js';

/**
 * The example GitHub workflows only help if GitHub accepts them and the commands they run exist.
 * Each file is validated against GitHub's workflow schema (@action-validator/core, the schema
 * SchemaStore publishes), and every `cognito-conformance` command in its `run:` steps is handed to
 * the CLI itself, through `main`, with `--help` appended: each subcommand parses its flags
 * strictly (unknown flags, missing values and bad values are usage errors) before it looks at
 * `--help`, so a renamed or missing flag fails here instead of in someone's CI, and nothing runs.
 * Shell variables are replaced by sample values, and each one must be set in the workflow.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const WORKFLOWS = ['examples/github-actions/emulator-ci.yml', 'examples/github-actions/nightly-aws.yml'];
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

/** What the workflows' own variables stand for in the parse check (values as GitHub would set them). */
const SAMPLE_VALUES: Readonly<Record<string, string>> = {
  REGION: 'eu-west-1',
  ACCOUNT: '123456789012',
  OUT: 'reports/nightly',
  GITHUB_RUN_ID: '1234567890',
  GITHUB_REPOSITORY: 'example/cognito-conformance',
  GITHUB_STEP_SUMMARY: 'step-summary.md',
};

/** The commands the CLI's main help lists under "Commands:". */
function mainCommands(): string[] {
  const block = mainHelp.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
  return [...block.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1] as string);
}

/** The shell text of every `run:` step, block scalars (`|`, `>-`, …) included, continuation lines joined. */
function runScripts(yaml: string): string[] {
  const lines = yaml.split('\n');
  const scripts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:- )?run: ?(.*)$/.exec(lines[i] as string);
    if (!m) continue;
    const indent = (m[1] as string).length;
    const value = (m[2] as string).trim();
    if (!/^[|>][-+]?$/.test(value)) {
      scripts.push(value);
      continue;
    }
    const body: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1]?.trim() === '' || /^\s*/.exec(lines[i + 1] as string)![0].length > indent)) body.push((lines[++i] as string).trim());
    // A folded scalar (`>`) joins its lines with spaces.
    scripts.push(body.join(value.startsWith('>') ? ' ' : '\n'));
  }
  return scripts.map((s) => s.replace(/\\\n\s*/g, ' '));
}

/** One command per pipeline stage, as tokens, up to any redirection; GitHub expressions become one placeholder token. */
function commands(script: string): string[][] {
  return script
    .replace(/\$\{\{[^}]*\}\}/g, 'EXPR')
    .split(/\n|&&|\|\||;|\|/)
    .map((c) => (c.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((t) => t.replace(/^["']|["']$/g, '')))
    .map((tokens) => {
      const redirect = tokens.findIndex((t) => /^\d?>/.test(t));
      return redirect < 0 ? tokens : tokens.slice(0, redirect);
    })
    .filter((t) => t.length > 0);
}

interface Use {
  file: string;
  command: string;
  script?: string;
  /** For `npm run conformance -- …`: the CLI's argv. */
  cliArgs?: string[];
  subcommand?: string;
  flags: string[];
  args: string[];
}

function usesOf(file: string): Use[] {
  const uses: Use[] = [];
  for (const tokens of runScripts(readFileSync(`${root}${file}`, 'utf8')).flatMap(commands)) {
    const command = tokens.join(' ');
    if (tokens[0] === 'npm' && tokens[1] === 'run') {
      const rest = tokens.slice(2).filter((t) => t !== '-s' && t !== '--silent');
      const [script, ...after] = rest;
      const args = after[0] === '--' ? after.slice(1) : [];
      const use: Use = { file, command, flags: args.filter((a) => a.startsWith('-')).map((a) => a.split('=')[0] as string), args };
      if (script !== undefined) use.script = script;
      if (script === 'conformance') {
        use.cliArgs = args;
        use.subcommand = args[0] && !args[0].startsWith('-') ? args[0] : 'run';
      }
      uses.push(use);
    } else if (tokens[0] === 'npx') {
      uses.push({ file, command, flags: tokens.filter((a) => a.startsWith('-')), args: tokens.slice(1) });
    }
  }
  return uses;
}

/** `$NAME` and `${NAME}` replaced by their sample values; a variable without one is reported. */
function substituted(args: readonly string[], unknown: Set<string>): string[] {
  return args.map((a) => a.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (_m, name: string) => {
    const value = SAMPLE_VALUES[name];
    if (value === undefined) unknown.add(name);
    return value ?? `$${name}`;
  }));
}

const uses = WORKFLOWS.flatMap(usesOf);
const cliUses = uses.filter((u) => u.cliArgs !== undefined);

describe('example GitHub workflows', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(WORKFLOWS)('%s is a valid GitHub workflow', (file) => {
    const state = validateWorkflow(readFileSync(`${root}${file}`, 'utf8'));
    expect(state.actionType).toBe('workflow');
    expect(state.errors).toEqual([]);
  });

  it('run the commands they are meant to show', () => {
    const shown = uses.map((u) => u.subcommand ?? u.command.split(' ').slice(0, 3).join(' '));
    expect(new Set(shown)).toEqual(new Set(['run', 'judge', 'merge', 'diff', 'sweep', 'npx vitest run']));
  });

  it('the nightly AWS run plans first, names its account, records, judges the recording, diffs and sweeps with --yes', () => {
    const nightly = cliUses.filter((u) => u.file.endsWith('nightly-aws.yml'));
    const runs = nightly.filter((u) => u.subcommand === 'run');
    expect(runs.map((u) => u.flags.includes('--plan'))).toEqual([true, false]);
    for (const u of runs) expect(u.flags).toEqual(expect.arrayContaining(['--target', '--account']));
    expect(runs[1]?.flags).toEqual(expect.arrayContaining(['--record', '--max-requests', '--time-budget', '--out']));
    const record = runs[1]?.args[runs[1].args.indexOf('--record') + 1];
    expect(nightly.find((u) => u.subcommand === 'judge')?.args).toContain(record);
    expect(nightly.find((u) => u.subcommand === 'sweep')?.flags).toEqual(expect.arrayContaining(['--account', '--yes', '--older-than']));
    expect(nightly.map((u) => u.subcommand)).toEqual(['run', 'run', 'judge', 'sweep', 'diff', 'diff']);
  });

  it.each(uses.map((u) => [`${u.file}: ${u.command}`, u] as const))('%s — the npm script, the vitest config and the files it names exist', (_name, use) => {
    if (use.script !== undefined) expect(Object.keys(pkg.scripts), `npm script "${use.script}"`).toContain(use.script);
    if (use.subcommand !== undefined) expect(mainCommands(), `subcommand "${use.subcommand}"`).toContain(use.subcommand);
    if (use.command.startsWith('npx vitest')) {
      expect(Object.keys(pkg.devDependencies)).toContain('vitest');
      const config = use.args[use.args.indexOf('-c') + 1] ?? '';
      expect(existsSync(`${root}${config}`), `vitest config ${config}`).toBe(true);
      expect(use.flags).toContain('--shard');
    }
    for (const arg of use.args.filter((a) => /^(baselines|runner)\//.test(a))) expect(existsSync(`${root}${arg}`), arg).toBe(true);
  });

  it.each(cliUses.map((u) => [`${u.file}: ${u.command}`, u] as const))('%s — parses with the CLI’s own flag parser', async (_name, use) => {
    const unknown = new Set<string>();
    const argv = substituted(use.cliArgs ?? [], unknown);
    expect([...unknown], 'shell variables without a sample value').toEqual([]);
    expect(argv.join(' '), 'a GitHub expression inside a CLI command: pass it through env').not.toContain('EXPR');
    const yaml = readFileSync(`${root}${use.file}`, 'utf8');
    for (const name of (use.cliArgs ?? []).join(' ').match(/\$\{?[A-Za-z_]\w*/g) ?? []) {
      const bare = name.replace(/^\$\{?/, '');
      if (!bare.startsWith('GITHUB_')) expect(yaml, `${bare} is set in the workflow's env`).toMatch(new RegExp(`^\\s+${bare}:`, 'm'));
    }
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    await expect(main([...argv, '--help']), argv.join(' ')).resolves.toBe(0);
    expect(written.join('')).toMatch(/^Usage: cognito-conformance/);
  });

  it('examples/iam-policy.json allows what a whole run and a sweep send, and nothing else', () => {
    const policy = JSON.parse(readFileSync(`${root}examples/iam-policy.json`, 'utf8')) as { Statement: { Effect: string; Action: string[]; Resource: string }[] };
    const allowed = policy.Statement.flatMap((st) => st.Action.map((a) => a.replace(/^cognito-idp:/, ''))).sort();
    const plan = planRun({
      rules: selectRules(contract.rules, ALL_KINDS, undefined), runs: 1, runIdPrefix: 'cc-20260101t000000-0000',
      target: { name: 'aws', kind: 'aws', region: 'eu-west-1', transport: 'http', concurrency: 4 },
    });
    // The pool is tagged when it is created (UserPoolTags); a sweep lists pools and deletes leftovers.
    // The unknown-operation probe names an operation that does not exist, so no IAM action either.
    const unknownOperation = PROBES.find((p) => p.id === 'probe.unknown-operation')?.operation;
    const sent = [...new Set([...Object.keys(plan.requests), 'TagResource', 'ListUserPools', 'DeleteUserPool'])].filter((op) => op !== unknownOperation).sort();
    expect(allowed).toEqual(sent);
    expect(policy.Statement.every((st) => st.Effect === 'Allow')).toBe(true);
    // Everything but create and list is limited to the user pools of one account.
    for (const st of policy.Statement.filter((x) => x.Resource !== '*')) expect(st.Resource).toBe('arn:aws:cognito-idp:*:ACCOUNT_ID:userpool/*');
    expect(policy.Statement.filter((x) => x.Resource === '*').flatMap((x) => x.Action).sort()).toEqual(['cognito-idp:CreateUserPool', 'cognito-idp:ListUserPools']);
  });

  it('examples/iam-policy-existing-pool.json allows exactly what a run in one existing pool sends, on that pool only', () => {
    const policy = JSON.parse(readFileSync(`${root}examples/iam-policy-existing-pool.json`, 'utf8')) as { Statement: { Effect: string; Action: string[]; Resource: string }[] };
    const plan = planRun({
      rules: selectRules(contract.rules, ALL_KINDS, undefined), runs: 1, runIdPrefix: 'cc-20260101t000000-0000', existingPoolId: 'eu-west-1_Owned1234',
      target: { name: 'aws', kind: 'aws', region: 'eu-west-1', transport: 'http', concurrency: 4 },
    });
    // No sweep: a run in an existing pool creates no pool, so it leaves none behind. The account
    // guard's STS GetCallerIdentity needs no permission (targets/aws/accountGuard.ts).
    const allowed = policy.Statement.flatMap((st) => st.Action.map((a) => a.replace(/^cognito-idp:/, ''))).sort();
    // The unknown-operation probe names no IAM action; the unknown-pool probe's pool is outside the
    // policy on purpose (IAM refuses it, and checkRule does not judge a refused probe).
    const unknownOperation = PROBES.find((p) => p.id === 'probe.unknown-operation')?.operation;
    expect(allowed).toEqual(Object.keys(plan.requests).filter((op) => op !== unknownOperation).sort());
    for (const forbidden of ['CreateUserPool', 'DeleteUserPool', 'ListUserPools', 'TagResource', 'CreateResourceServer', 'DeleteResourceServer', 'CreateIdentityProvider', 'DeleteIdentityProvider']) {
      expect(allowed, forbidden).not.toContain(forbidden);
    }
    expect(policy.Statement.every((st) => st.Effect === 'Allow' && st.Action.every((a) => a.startsWith('cognito-idp:')))).toBe(true);
    for (const st of policy.Statement) expect(st.Resource).toBe('arn:aws:cognito-idp:REGION:ACCOUNT_ID:userpool/USER_POOL_ID');
  });

  it('CONFORMANCE_* variables they set are ones the suites read', () => {
    const read = ['suites/vitest.config.ts', 'suites/globalSetup.ts'].map((f) => readFileSync(`${root}${f}`, 'utf8')).join('\n');
    const set = WORKFLOWS.flatMap((f) => [...readFileSync(`${root}${f}`, 'utf8').matchAll(/^\s*(CONFORMANCE_[A-Z_]+):/gm)].map((m) => m[1] as string));
    expect(set).toContain('CONFORMANCE_OUT');
    for (const name of set) expect(read, name).toContain(name);
  });

  it('the merge job reads the reports the shard jobs write', () => {
    const ci = readFileSync(`${root}examples/github-actions/emulator-ci.yml`, 'utf8');
    const merge = uses.find((u) => u.subcommand === 'merge');
    const shardOut = /CONFORMANCE_OUT: (\S+)-\$\{\{ matrix\.shard \}\}/.exec(ci)?.[1];
    expect(shardOut).toBe('reports/shard');
    const shards = /shard: \[([\d, ]+)\]/.exec(ci)?.[1]?.split(',').map((s) => s.trim());
    expect(merge?.args.filter((a) => a.endsWith('report.json'))).toEqual(shards?.map((n) => `${shardOut}-${n}/report.json`));
  });
});
