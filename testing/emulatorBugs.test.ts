import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHelp } from '../cli/runOptions.js';
import { contract } from '../contract/contract.js';
import { ALL_KINDS } from '../contract/rule.js';
import type { RuleResult } from '../reports/ruleResult.js';
import { prepareRun } from '../runner/prepareRun.js';
import { readRunSettings, type RawRunSettings } from '../runner/runSettings.js';
import { runRules } from '../runner/runRules.js';
import { ruleMatcher, selectRules } from '../runner/selectRules.js';
import { createCleanupRegistry } from '../targets/pool/cleanupRegistry.js';
import { startEmbeddedCognitoLocal, type EmbeddedCognitoLocal } from '../targets/emulator/embeddedCognitoLocal.js';
import {
  CORPUS_RELEASES,
  EMULATOR_BUGS,
  PENDING_EMULATOR_BUGS,
  corpusPackage,
  type CorpusRelease,
  type EmulatorBug,
} from './emulatorBugs.js';
import { startFakeCognito } from './fakeCognito.js';
import { EMULATOR_BUG_FAULTS, FAKE_FAULTS } from './fakeFaults.js';

/**
 * The regression corpus (issue 14, part 6): every bug of EMULATOR_BUGS is run against its buggy
 * version — an old cognito-local release as a real process on a free loopback port, or the fake
 * with the fault that imitates the bug — and each rule it names must fail; against the fixed
 * version (a newer release, or the clean fake) the bug's own failure must be gone. Only the named
 * rules run, 5 cases each, and each release is started once.
 */
const RUNS = '5';
const quiet = () => createCleanupRegistry({ signals: { on: () => undefined, off: () => undefined }, exit: () => undefined });
const known = new Set(contract.rules.map((r) => r.id));

function corpusBin(release: CorpusRelease): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`${corpusPackage(release)}/package.json`)), 'lib', 'bin', 'start.js');
}

/** The named rules against one endpoint, in this process; results by rule id. */
async function judge(endpoint: string, ruleIds: readonly string[], runWith: EmulatorBug['runWith'] = {}): Promise<Map<string, RuleResult>> {
  const patterns = [...new Set(ruleIds)].join(',');
  const raw = { ...runWith, endpoint, region: 'us-east-1', runs: RUNS, rules: patterns } as RawRunSettings;
  const settings = readRunSettings(raw, 'flags');
  const prepared = await prepareRun(settings, quiet());
  try {
    const outcome = await runRules(selectRules(contract.rules, ALL_KINDS, patterns), { target: prepared.target, context: prepared.context });
    expect(outcome.harnessErrors).toEqual([]);
    return new Map(outcome.results.map((r) => [r.id, r]));
  } finally {
    await prepared.close();
  }
}

const shown = (r: RuleResult | undefined) => (r === undefined ? 'not run' : `${r.status}${r.reason ? `: ${r.reason}` : ''}`);

function expectFlagged(bug: EmulatorBug, results: Map<string, RuleResult>): void {
  for (const id of bug.rules) expect(results.get(id)?.status, `${bug.id} must be flagged by ${id} (${shown(results.get(id))})`).toBe('failed');
}

function expectFixed(bug: EmulatorBug, results: Map<string, RuleResult>): void {
  for (const id of bug.rules) {
    const r = results.get(id);
    if (r?.status === 'failed' && bug.bugReason !== undefined) {
      expect(r.reason ?? '', `${bug.id} is fixed there, yet ${id} still fails for it`).not.toMatch(bug.bugReason);
    } else {
      expect(r?.status, `${bug.id} is fixed there, yet ${id} is ${shown(r)}`).toBe('passed');
    }
  }
}

describe('the corpus as data', () => {
  const all = [...EMULATOR_BUGS, ...PENDING_EMULATOR_BUGS];

  it('has unique ids, public sources and reproductions that exist', () => {
    expect(new Set(all.map((b) => b.id)).size).toBe(all.length);
    for (const bug of all) {
      expect(bug.id.startsWith(`${bug.emulator}-`), bug.id).toBe(true);
      expect(bug.sources.length, bug.id).toBeGreaterThan(0);
      for (const s of bug.sources) expect(s, bug.id).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+\/(issues|pull)\/\d+$/);
      if (bug.reproduce.kind === 'fake') expect(Object.hasOwn({ ...FAKE_FAULTS, ...EMULATOR_BUG_FAULTS }, bug.reproduce.fault), bug.id).toBe(true);
      else expect(CORPUS_RELEASES, bug.id).toContain(bug.reproduce.buggy);
    }
  });

  it('names, for every bug it runs, rules the contract has: a missing rule fails here, it is never skipped', () => {
    for (const bug of EMULATOR_BUGS) {
      expect(bug.rules.length, bug.id).toBeGreaterThan(0);
      expect(bug.rules.filter((id) => !known.has(id)), `${bug.id} names rules the contract lacks`).toEqual([]);
    }
  });

  it('keeps a bug pending only while something it waits for is missing (then it belongs in EMULATOR_BUGS)', () => {
    const present = (w: string) => (w.startsWith('flag:') ? runHelp.includes(w.slice('flag:'.length)) : contract.rules.some((r) => ruleMatcher(w)(r.id)));
    for (const bug of PENDING_EMULATOR_BUGS) {
      expect(bug.waitsFor.length, bug.id).toBeGreaterThan(0);
      expect(bug.waitsFor.filter((w) => !present(w)), `${bug.id}: all it waited for (${bug.waitsFor.join(', ')}) has landed — move it into EMULATOR_BUGS with the rules that flag it`).not.toEqual([]);
    }
  });
});

/** Each release is started at most once for the whole file, when first needed. */
const emulators = new Map<CorpusRelease | 'current', Promise<EmbeddedCognitoLocal>>();
function emulatorFor(where: CorpusRelease | 'current'): Promise<EmbeddedCognitoLocal> {
  let started = emulators.get(where);
  if (started === undefined) {
    // 2.x predates /health: any answer on the port means it is up.
    started = startEmbeddedCognitoLocal({ registry: quiet(), ...(where === 'current' ? {} : { bin: corpusBin(where), readyOnAnyAnswer: where.startsWith('2.') }) });
    emulators.set(where, started);
  }
  return started;
}
afterAll(async () => {
  await Promise.all([...emulators.values()].map(async (e) => (await e).stop()));
});

const releaseBugs = EMULATOR_BUGS.filter((b) => b.reproduce.kind === 'cognito-local');
const fakeBugs = EMULATOR_BUGS.filter((b) => b.reproduce.kind === 'fake');

describe.each(CORPUS_RELEASES.filter((v) => releaseBugs.some((b) => b.reproduce.kind === 'cognito-local' && b.reproduce.buggy === v)))(
  'cognito-local %s, a real process',
  (release) => {
    const bugs = releaseBugs.filter((b) => b.reproduce.kind === 'cognito-local' && b.reproduce.buggy === release);
    let results: Map<string, RuleResult>;
    beforeAll(async () => {
      const emulator = await emulatorFor(release);
      results = await judge(emulator.endpoint, bugs.flatMap((b) => b.rules), Object.assign({}, ...bugs.map((b) => b.runWith ?? {})));
    });
    it.each(bugs.map((b) => [b.id, b] as const))('%s is flagged', (_id, bug) => expectFlagged(bug, results));
  },
);

describe('the fixed cognito-local releases', () => {
  const fixedBugs = releaseBugs.filter((b) => b.reproduce.kind === 'cognito-local' && b.reproduce.fixed !== undefined);
  const fixedIn = (where: CorpusRelease | 'current') => fixedBugs.filter((b) => b.reproduce.kind === 'cognito-local' && b.reproduce.fixed === where);
  const wheres = [...new Set(fixedBugs.flatMap((b) => (b.reproduce.kind === 'cognito-local' && b.reproduce.fixed !== undefined ? [b.reproduce.fixed] : [])))];
  const byWhere = new Map<string, Map<string, RuleResult>>();
  beforeAll(async () => {
    for (const where of wheres) {
      const emulator = await emulatorFor(where);
      byWhere.set(where, await judge(emulator.endpoint, fixedIn(where).flatMap((b) => b.rules), Object.assign({}, ...fixedIn(where).map((b) => b.runWith ?? {}))));
    }
  });
  it.each(fixedBugs.map((b) => [b.id, b] as const))('%s is gone in its fixed release', (_id, bug) => {
    if (bug.reproduce.kind !== 'cognito-local' || bug.reproduce.fixed === undefined) return;
    expectFixed(bug, byWhere.get(bug.reproduce.fixed) ?? new Map());
  });
});

describe('bugs of emulators that cannot run here, as planted faults of the fake', () => {
  let clean: Map<string, RuleResult>;
  beforeAll(async () => {
    const fake = await startFakeCognito();
    try {
      clean = await judge(fake.endpoint, fakeBugs.flatMap((b) => b.rules));
    } finally {
      await fake.close();
    }
  });

  it.each(fakeBugs.map((b) => [b.id, b] as const))('%s is flagged, and passes once fixed (the clean fake)', async (_id, bug) => {
    if (bug.reproduce.kind !== 'fake') return;
    const fake = await startFakeCognito({ faults: new Set([bug.reproduce.fault]) });
    try {
      expectFlagged(bug, await judge(fake.endpoint, bug.rules));
    } finally {
      await fake.close();
    }
    expectFixed(bug, clean);
  });
});

/** One raw request to the emulator, as a curl would send it: `HTTP <status> <body>`. */
async function rawExchange(endpoint: string, operation: string, request: Readonly<Record<string, unknown>>): Promise<string> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(request),
  });
  return `HTTP ${res.status} ${await res.text()}`;
}

describe('cognito-local bugs show on their buggy release and not on the fixed one (one raw request each, as a curl would)', () => {
  const shown = [...EMULATOR_BUGS, ...PENDING_EMULATOR_BUGS].filter((b) => b.reproduce.kind === 'cognito-local' && b.demonstration !== undefined);
  const releases = [...new Set(shown.flatMap((b) => (b.reproduce.kind === 'cognito-local' ? [b.reproduce.buggy, b.reproduce.fixed ?? 'current'] : [])))];
  const endpoints = new Map<string, string>();
  beforeAll(async () => {
    await Promise.all(releases.map(async (where) => endpoints.set(where, (await emulatorFor(where)).endpoint)));
  });
  it.each(shown.map((b) => [b.id, b] as const))('%s', async (_id, bug) => {
    if (bug.reproduce.kind !== 'cognito-local' || bug.demonstration === undefined) return;
    const { operation, request, shows } = bug.demonstration;
    const buggy = await rawExchange(endpoints.get(bug.reproduce.buggy) ?? '', operation, request);
    const fixedIn = bug.reproduce.fixed ?? 'current';
    const fixed = await rawExchange(endpoints.get(fixedIn) ?? '', operation, request);
    expect(buggy, `${bug.reproduce.buggy} answered`).toMatch(shows);
    expect(fixed, `${fixedIn} answered`).not.toMatch(shows);
  });
});
