import { describe, expect, it } from 'vitest';
import { resolveTargetConfig } from './targetConfig.js';
import { targetName } from './targetName.js';

describe('targetName', () => {
  it('is --name when given, else the preset, else the endpoint host:port', () => {
    expect(targetName(resolveTargetConfig({ endpoint: 'http://127.0.0.1:5000/' }, { env: {} }), 'mine')).toBe('mine');
    expect(targetName(resolveTargetConfig({ target: 'moto' }, { env: {} }))).toBe('moto');
    expect(targetName(resolveTargetConfig({}, { env: {} }))).toBe('cognito-local');
    expect(targetName(resolveTargetConfig({ endpoint: 'http://localhost:9229/' }, { env: {} }))).toBe('localhost:9229');
    expect(targetName(resolveTargetConfig({}, { env: { AWS_ENDPOINT_URL: 'http://127.0.0.1:4566' } }))).toBe('127.0.0.1:4566');
  });
});
