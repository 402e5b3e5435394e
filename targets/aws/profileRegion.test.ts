import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readProfileRegion } from './profileRegion.js';

describe('readProfileRegion', () => {
  let dir: string;
  const saved: Record<string, string | undefined> = {};
  const vars = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE'];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cc-profile-'));
    for (const v of vars) saved[v] = process.env[v];
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    delete process.env.AWS_PROFILE;
    writeFileSync(
      join(dir, 'config'),
      '[default]\nregion = eu-north-1\n\n# a comment\n[profile work]\nregion=ap-southeast-2\n\n[profile bare]\noutput = json\n',
    );
  });

  afterEach(() => {
    for (const v of vars) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the default profile, a named one, and AWS_PROFILE', async () => {
    expect(await readProfileRegion()).toBe('eu-north-1');
    expect(await readProfileRegion('work')).toBe('ap-southeast-2');
    process.env.AWS_PROFILE = 'work';
    expect(await readProfileRegion()).toBe('ap-southeast-2');
  });

  it('is undefined for a profile without a region or without files', async () => {
    expect(await readProfileRegion('bare')).toBeUndefined();
    expect(await readProfileRegion('missing')).toBeUndefined();
    process.env.AWS_CONFIG_FILE = join(dir, 'nope');
    expect(await readProfileRegion()).toBeUndefined();
  });
});
