import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browserRequirement, isCi } from './browserRequirement.js';

const dir = mkdtempSync(join(tmpdir(), 'browser-requirement-'));
const fakeChromium = join(dir, 'chromium');
writeFileSync(fakeChromium, '#!/bin/sh\n');
chmodSync(fakeChromium, 0o755);
const empty = mkdtempSync(join(tmpdir(), 'browser-requirement-empty-'));

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(empty, { recursive: true, force: true });
});

describe('browserRequirement', () => {
  it('runs with a chromium on PATH, CI or not', () => {
    expect(browserRequirement({ PATH: `${empty}:${dir}` })).toEqual({ chromium: fakeChromium });
    expect(browserRequirement({ PATH: dir, CI: 'true' })).toEqual({ chromium: fakeChromium });
  });

  it('CHROMIUM_PATH wins over PATH, and a missing one is not replaced by PATH', () => {
    expect(browserRequirement({ PATH: empty, CHROMIUM_PATH: fakeChromium })).toEqual({ chromium: fakeChromium });
    const r = browserRequirement({ PATH: dir, CHROMIUM_PATH: join(empty, 'nope'), CI: '1' });
    expect(r.chromium).toBeUndefined();
    expect(r.fail).toContain(`at CHROMIUM_PATH=${join(empty, 'nope')}`);
  });

  it('without chromium: required (fails, saying how to install it) under CI, skipped with the reason otherwise', () => {
    const inCi = browserRequirement({ PATH: empty, CI: 'true' });
    expect(inCi.skip).toBeUndefined();
    expect(inCi.fail).toMatch(/^no chromium on PATH \(chromium, chromium-browser\), and CI is set, so the scorecard browser test is required: install Debian's chromium/);
    const fresh = browserRequirement({ PATH: empty });
    expect(fresh.fail).toBeUndefined();
    expect(fresh.skip).toMatch(/^no chromium on PATH .*skipped \(it is required when CI is set\)/);
  });

  it('reads CI as CI systems set it', () => {
    for (const v of ['true', '1', 'yes', 'TRUE']) expect(isCi({ CI: v })).toBe(true);
    for (const v of [undefined, '', '0', 'false', 'False']) expect(isCi({ CI: v })).toBe(false);
  });
});
