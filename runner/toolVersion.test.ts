import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toolVersion } from './toolVersion.js';

describe('toolVersion', () => {
  it('is the version in the package.json of the package the module belongs to', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(toolVersion()).toBe(pkg.version);
    expect(toolVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
