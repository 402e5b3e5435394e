import { describe, expect, it } from 'vitest';
import { TRANSPORT_NAMES, TRANSPORTS } from '../targets/transports.js';
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

  it('help lists every transport of the registry, and --name and --verbose', () => {
    expect(parseRunOptions(['--help'])).toEqual({ help: true });
    for (const name of TRANSPORT_NAMES) expect(runHelp).toContain(`${name}${name === 'http' ? ' (default)' : ''}: ${TRANSPORTS[name].summary}`);
    expect(runHelp).toMatch(/--name NAME/);
    expect(runHelp).toMatch(/--verbose/);
  });
});
