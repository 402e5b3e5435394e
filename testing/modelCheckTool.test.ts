import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { modelCheckTool } from './modelCheckTool.js';

const root = mkdtempSync(join(tmpdir(), 'model-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('modelCheckTool', () => {
  it('finds check-spec.mjs in ../shared/tools beside the clone', () => {
    const repo = join(root, 'with', 'repo');
    mkdirSync(repo, { recursive: true });
    mkdirSync(join(root, 'with', 'shared', 'tools'), { recursive: true });
    writeFileSync(join(root, 'with', 'shared', 'tools', 'check-spec.mjs'), '');
    expect(modelCheckTool(repo, {})).toEqual({ ok: true, path: join(root, 'with', 'shared', 'tools', 'check-spec.mjs') });
  });

  it('is skipped with its reason without ../shared, and required (a failure) when CI is set', () => {
    const repo = join(root, 'without', 'repo');
    mkdirSync(repo, { recursive: true });
    const local = modelCheckTool(repo, {});
    expect(local).toMatchObject({ ok: false, required: false });
    expect(!local.ok && local.reason).toMatch(/skipped: \.\.\/shared\/tools\/check-spec\.mjs is not beside the clone/);
    for (const ci of ['true', '1']) {
      const inCi = modelCheckTool(repo, { CI: ci });
      expect(inCi).toMatchObject({ ok: false, required: true });
      expect(!inCi.ok && inCi.reason).toMatch(/required in CI/);
    }
    expect(modelCheckTool(repo, { CI: 'false' })).toMatchObject({ required: false });
    expect(modelCheckTool(repo, { CI: '' })).toMatchObject({ required: false });
  });
});
