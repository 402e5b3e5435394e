import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mainHelp } from '../cli/main.js';
import { runHelp } from '../cli/runOptions.js';
import { specHelp } from '../cli/specCommand.js';
import { diffHelp } from '../cli/diffCommand.js';
import { sweepHelp } from '../cli/sweepCommand.js';
import { mergeHelp } from '../cli/mergeCommand.js';
import { judgeHelp } from '../cli/judgeCommand.js';
import { matrixHelp } from '../cli/matrixCommand.js';

/**
 * The example GitHub workflows only help if the commands they run exist: every npm script, CLI
 * subcommand and flag they use is checked against package.json and the CLI's help texts, so a
 * renamed flag breaks this test instead of someone's CI. Plain line matching, no YAML parser.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const WORKFLOWS = ['examples/github-actions/emulator-ci.yml', 'examples/github-actions/nightly-aws.yml'];
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
const HELP: Record<string, string> = { run: runHelp, contract: specHelp, diff: diffHelp, merge: mergeHelp, sweep: sweepHelp, judge: judgeHelp, matrix: matrixHelp };

/** The commands the CLI's main help lists under "Commands:". */
function mainCommands(): string[] {
  const block = mainHelp.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
  return [...block.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1] as string);
}

/** The shell text of every `run:` step, block scalars included, continuation lines joined. */
function runScripts(yaml: string): string[] {
  const lines = yaml.split('\n');
  const scripts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(?:- )?run: ?(.*)$/.exec(lines[i] as string);
    if (!m) continue;
    const indent = (m[1] as string).length;
    const value = (m[2] as string).trim();
    if (value !== '|' && value !== '>') {
      scripts.push(value);
      continue;
    }
    const body: string[] = [];
    while (i + 1 < lines.length && (lines[i + 1]?.trim() === '' || /^\s*/.exec(lines[i + 1] as string)![0].length > indent)) body.push((lines[++i] as string).trim());
    scripts.push(body.join('\n'));
  }
  return scripts.map((s) => s.replace(/\\\n\s*/g, ' '));
}

/** One command per pipeline stage, as tokens; GitHub expressions become one placeholder token. */
function commands(script: string): string[][] {
  return script
    .replace(/\$\{\{[^}]*\}\}/g, 'EXPR')
    .split(/\n|&&|\|\||;|\|/)
    .map((c) => (c.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((t) => t.replace(/^["']|["']$/g, '')))
    .filter((t) => t.length > 0);
}

interface Use {
  file: string;
  command: string;
  script?: string;
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
      const subcommand = script === 'conformance' ? (args[0] && !args[0].startsWith('-') ? args[0] : 'run') : undefined;
      uses.push({ file, command, script, subcommand, flags: args.filter((a) => a.startsWith('-')).map((a) => a.split('=')[0] as string), args });
    } else if (tokens[0] === 'npx') {
      uses.push({ file, command, flags: tokens.filter((a) => a.startsWith('-')), args: tokens.slice(1) });
    }
  }
  return uses;
}

const uses = WORKFLOWS.flatMap(usesOf);

describe('example GitHub workflows', () => {
  it('run the commands they are meant to show', () => {
    const shown = uses.map((u) => u.subcommand ?? u.command.split(' ').slice(0, 3).join(' '));
    expect(new Set(shown)).toEqual(new Set(['run', 'merge', 'diff', 'sweep', 'npx vitest run']));
  });

  it('every help text the test knows is a command the CLI lists', () => {
    expect(mainCommands().sort()).toEqual(Object.keys(HELP).sort());
  });

  it.each(uses.map((u) => [`${u.file}: ${u.command}`, u] as const))('%s — scripts, subcommands and flags exist', (_name, use) => {
    if (use.script !== undefined) expect(Object.keys(pkg.scripts), `npm script "${use.script}"`).toContain(use.script);
    if (use.subcommand !== undefined) {
      expect(mainCommands(), `subcommand "${use.subcommand}"`).toContain(use.subcommand);
      const help = HELP[use.subcommand] ?? '';
      for (const flag of use.flags) expect(help, `${use.subcommand} flag ${flag}`).toMatch(new RegExp(`(^|[\\s\\[])${flag}\\b`, 'm'));
    }
    if (use.command.startsWith('npx vitest')) {
      expect(Object.keys(pkg.devDependencies)).toContain('vitest');
      const config = use.args[use.args.indexOf('-c') + 1] ?? '';
      expect(existsSync(`${root}${config}`), `vitest config ${config}`).toBe(true);
      expect(use.flags).toContain('--shard');
    }
    // Files of this repository the command names (a baseline, a config) must exist.
    for (const arg of use.args.filter((a) => /^(baselines|runner)\//.test(a))) expect(existsSync(`${root}${arg}`), arg).toBe(true);
  });

  it('CONFORMANCE_* variables they set are ones the suites read', () => {
    const read = ['runner/vitest.config.ts', 'runner/globalSetup.ts'].map((f) => readFileSync(`${root}${f}`, 'utf8')).join('\n');
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
