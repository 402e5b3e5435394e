import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envName, RUN_SETTING_KEYS } from '../runner/runSettings.js';
import { TRANSPORT_NAMES, TRANSPORTS } from '../targets/transports/transports.js';
import { parseRunOptions, runHelp } from './runOptions.js';

describe('parseRunOptions', () => {
  it('reads the run settings through the one settings reader, and the CLI-only flags beside them', () => {
    const o = parseRunOptions(['--endpoint', 'http://127.0.0.1:9', '--name', 'emu', '--runs', '3', '--verbose', '--strict', '--baseline', 'b.json']);
    expect(o).toMatchObject({ help: false, verbose: true, strict: true, baseline: 'b.json', noBaseline: false, updateBaseline: false });
    if (o.help) throw new Error('unexpected help');
    expect(o.settings).toMatchObject({ target: { endpoint: 'http://127.0.0.1:9' }, name: 'emu', runs: 3, seed: 42 });
    expect(parseRunOptions([])).toMatchObject({ help: false, verbose: false, strict: false });
  });

  it('refuses --no-baseline with --baseline or --update-baseline', () => {
    expect(() => parseRunOptions(['--no-baseline', '--baseline', 'b.json'])).toThrow(/cannot be combined/);
    expect(() => parseRunOptions(['--no-baseline', '--update-baseline'])).toThrow(/cannot be combined/);
  });

  it('reads --plan beside the settings; help names every flag of the settings reader, --plan included', () => {
    const o = parseRunOptions(['--target', 'aws', '--region', 'eu-west-1', '--account', '123456789012', '--plan', '--max-requests', '10']);
    expect(o).toMatchObject({ help: false, plan: true, settings: { accounts: ['123456789012'], budget: { maxRequests: 10 } } });
    expect(parseRunOptions([])).toMatchObject({ plan: false });
    for (const flag of ['--account ID[,ID]', '--plan', '--record DIR', '--max-requests N', '--time-budget D', '--pool-rps N', '--account-rps N', '--strict', 'CONFORMANCE_AWS_ACCOUNTS']) {
      expect(runHelp).toContain(flag);
    }
  });

  it('help lists every transport of the registry, and --name and --verbose', () => {
    expect(parseRunOptions(['--help'])).toEqual({ help: true });
    for (const name of TRANSPORT_NAMES) expect(runHelp).toContain(`${name}${name === 'http' ? ' (default)' : ''}: ${TRANSPORTS[name].summary}`);
    expect(runHelp).toMatch(/--name NAME/);
    expect(runHelp).toMatch(/--verbose/);
  });

  it('README and help agree: the flags table lists every flag of run --help and no other, the CONFORMANCE_* list every variable', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.split('### Flags (`run --help`)')[1]?.split('\n### ')[0] ?? '';
    const inTable = new Set([...table.matchAll(/`(--[a-z-]+)/g)].map((m) => m[1]));
    const inHelp = new Set([...runHelp.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]));
    expect([...inTable].sort()).toEqual([...inHelp].sort());
    for (const key of RUN_SETTING_KEYS) expect(readme, envName(key)).toContain(`\`${envName(key)}\``);
  });
});
