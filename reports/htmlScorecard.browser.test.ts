import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it as vitestIt, type TestContext } from 'vitest';
import { htmlScorecard } from './htmlScorecard.js';
import { totalsOf } from './runReport.js';
import { settleRun } from './settleRun.js';
import { reportTotals } from './reportTotals.js';
import { VERDICT_HEADING, shownVerdicts, verdictOf } from './verdict.js';
import { sampleReportWithUnconfirmed } from '../testing/sampleReport.js';
import { browserRequirement } from '../testing/browserRequirement.js';

/**
 * What a reader of scorecard.html sees, checked in a real browser: Debian's chromium driven by
 * playwright-core (which never downloads a browser). Where chromium is installed the test runs.
 * Where it is not, the test is REQUIRED when the CI variable is set (.ci/run sets it and installs
 * chromium), so CI cannot pass with the scorecard unchecked; on a developer's fresh machine
 * without CI it is skipped, each test naming the reason.
 */
const requirement = browserRequirement(process.env);
const SCREENSHOT = fileURLToPath(new URL('../docs/scorecard.png', import.meta.url));

if (requirement.skip) console.warn(`htmlScorecard.browser.test.ts: ${requirement.skip}`);

/** A test that is skipped, with the reason, when chromium is missing and not required. */
function it(name: string, fn: () => Promise<void> | void): void {
  vitestIt(name, async (ctx: TestContext) => {
    if (requirement.skip) ctx.skip(requirement.skip);
    await fn();
  });
}

/** A computed style property of the element, read in the page (this project's types have no DOM). */
function styleOf(locator: Locator, property: string): Promise<string> {
  type Window = { getComputedStyle(el: unknown): Record<string, string> };
  return locator.evaluate((el, p) => (globalThis as unknown as Window).getComputedStyle(el)[p] ?? '', property);
}

const report = sampleReportWithUnconfirmed();
const failed = report.rules.find((r) => verdictOf(r) === 'failed');
const unconfirmed = report.rules.find((r) => verdictOf(r) === 'unconfirmed');

let dir: string;
let server: Server;
let context: BrowserContext | undefined;
let page: Page;
let url: string;
const requested: string[] = [];

beforeAll(async () => {
  if (requirement.fail) throw new Error(requirement.fail);
  if (requirement.skip || !requirement.chromium) return;
  dir = mkdtempSync(join(tmpdir(), 'scorecard-browser-'));
  const file = join(dir, 'scorecard.html');
  const html = htmlScorecard(report);
  writeFileSync(file, html);
  server = createServer((req, res) => {
    if (req.url === '/scorecard.html') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/scorecard.html`;
  context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: requirement.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 800 },
    deviceScaleFactor: 1,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('request', (r) => void requested.push(r.url()));
  await page.goto(url);
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('HTML scorecard in headless chromium', () => {
  it('shows the target and the totals', async () => {
    expect(await page.title()).toBe('CreateUserPoolClient conformance: cognito-local');
    expect(await page.getByText('Target cognito-local at', { exact: false }).isVisible()).toBe(true);
    const x = reportTotals(report).all;
    expect(shownVerdicts(x)).toEqual(['passed', 'failed', 'unconfirmed', 'skipped', 'error']);
    for (const verdict of shownVerdicts(x)) {
      const total = page.locator(`#totals [data-total="${verdict}"]`);
      expect(await total.isVisible()).toBe(true);
      expect(await total.innerText()).toBe(`${x[verdict]} ${VERDICT_HEADING[verdict]}`);
    }
  });

  it('has one visible row per rule with its id, status and evidence', async () => {
    expect(await page.locator('#rules tbody tr').count()).toBe(report.rules.length);
    for (const r of report.rules) {
      const row = page.locator(`#rules tbody tr[data-rule="${r.id}"]`);
      expect(await row.isVisible()).toBe(true);
      const cells = await row.locator('td').allInnerTexts();
      expect(cells[0]).toContain(r.id);
      expect(cells[0]).toContain(r.statement);
      expect(cells[2]).toBe(r.evidence);
      expect(cells[3]).toBe(verdictOf(r));
      if (r.status === 'skipped' || r.status === 'error') expect(cells[4]).toBe(r.reason);
    }
  });

  it('expands the failed rule on click to show request, expected, observed and replay', async () => {
    expect(failed).toBeDefined();
    const row = page.locator(`#rules tbody tr[data-rule="${failed?.id}"]`);
    const details = row.locator('details');
    expect(await page.locator('#rules details').count()).toBe(report.rules.filter((r) => r.status === 'failed').length);
    expect(await details.getAttribute('open')).toBeNull();
    expect(await row.locator('dd').first().isVisible()).toBe(false);

    await row.locator('summary').click();

    expect(await details.getAttribute('open')).not.toBeNull();
    expect(await row.locator('dt').allInnerTexts()).toEqual(['request', 'expected', 'observed', 'replay']);
    const dd = row.locator('dd');
    for (let i = 0; i < 4; i++) expect(await dd.nth(i).isVisible()).toBe(true);
    const [request, expected, observed, replay] = await dd.allInnerTexts();
    expect(request).toContain(`"ClientName": "${'x'.repeat(129)}"`);
    expect(request).toContain('<redacted:52 chars>');
    expect(expected).toContain('InvalidParameterException');
    expect(observed).toContain('"status": 200');
    expect(replay).toBe(failed?.replay);
  });

  it('marks the unconfirmed failure with a visible badge of its own, not the failed colour', async () => {
    expect(unconfirmed).toBeDefined();
    const row = page.locator(`#rules tbody tr[data-rule="${unconfirmed?.id}"]`);
    expect(await row.getAttribute('data-verdict')).toBe('unconfirmed');
    const badge = row.locator('.st .badge');
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.innerText()).toBe('unconfirmed');
    expect(await styleOf(badge, 'borderStyle')).toBe('dashed');
    const failedColour = await styleOf(page.locator(`#rules tbody tr[data-rule="${failed?.id}"] td.st`), 'color');
    expect(await styleOf(row.locator('td.st'), 'color')).not.toBe(failedColour);
    await row.locator('summary').click();
    expect(await row.locator('summary').innerText()).toMatch(/^unconfirmed \(fails the run only with --strict\): /);
  });

  it('draws two charts with one bar group per area and per evidence level', async () => {
    const { byArea, byEvidence } = reportTotals(report);
    const charts = page.locator('figure svg[role="img"]');
    expect(await charts.count()).toBe(2);
    for (const [i, title, groups] of [[0, 'By area', byArea], [1, 'By evidence level', byEvidence]] as const) {
      const svg = charts.nth(i);
      expect(await svg.getAttribute('aria-label')).toBe(title);
      expect(await svg.isVisible()).toBe(true);
      const rendered = svg.locator('g.bar-group');
      expect(await rendered.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-group')))).toEqual(groups.map(([name]) => name));
      for (const [j, [, counts]] of groups.entries()) {
        const bars = rendered.nth(j).locator('rect');
        // One coloured segment per status present in the group, each drawn with a real width.
        expect(await bars.count()).toBe(Object.values(counts).filter((n) => n > 0).length);
        const widths = await bars.evaluateAll((rs) => rs.map((r) => r.getBoundingClientRect().width));
        expect(widths.every((w) => w > 0)).toBe(true);
      }
    }
  });

  it('shows a baseline-green run as 0 new failures and its failure as a known gap, not in the failed colour', async () => {
    const green = sampleReportWithUnconfirmed();
    green.rules = green.rules.filter((r) => r.status !== 'error');
    green.totals = totalsOf(green.rules);
    settleRun(green, { baseline: { file: 'reports/baselines/cognito-local.json', value: { version: 1, target: 'cognito-local', entries: [{ ruleId: 'client-name.max-length', reason: 'tracked' }] } } });
    const other = await (context as BrowserContext).newPage();
    try {
      await other.setContent(htmlScorecard(green));
      const fresh = other.locator('#outcome [data-outcome="new-failures"]');
      expect(await fresh.isVisible()).toBe(true);
      expect(await fresh.innerText()).toBe('0 new failures');
      expect(await other.locator('#outcome [data-outcome="exit-code"]').innerText()).toBe('exit 0');
      expect(await other.locator('#outcome [data-outcome="known-gaps"]').innerText()).toBe('1 known gap');
      const row = other.locator('#rules tbody tr[data-rule="client-name.max-length"]');
      expect(await row.locator('td.st').innerText()).toBe('known gap');
      expect(await styleOf(fresh, 'color')).toBe('rgb(46, 125, 50)');
      await row.locator('summary').click();
      expect(await row.locator('summary').innerText()).toMatch(/^known gap \(accepted by the baseline\): /);
      expect(await row.locator('dd').nth(3).innerText()).toBe(green.rules.find((r) => r.id === 'client-name.max-length')?.replay);
    } finally {
      await other.close();
    }
  });

  it('loads nothing besides the page itself', () => {
    expect(requested).toEqual([url]);
  });

  it('renders to a screenshot (written to docs/scorecard.png with UPDATE_SCREENSHOT=1)', async () => {
    const png = await page.screenshot({ fullPage: true, ...(process.env.UPDATE_SCREENSHOT === '1' ? { path: SCREENSHOT } : {}) });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });
});
