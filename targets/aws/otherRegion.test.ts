import { describe, expect, it } from 'vitest';
import { defaultOtherRegion, resolveOtherRegion } from './otherRegion.js';
import { resolveTargetConfig } from '../targetConfig.js';

const config = (flags: Parameters<typeof resolveTargetConfig>[0], env: Record<string, string> = {}) => resolveTargetConfig(flags, { env });

describe('resolveOtherRegion', () => {
  it('gives an emulator a default second region at its own endpoint, never the run\'s region', () => {
    expect(defaultOtherRegion('us-east-1')).toBe('us-west-2');
    expect(defaultOtherRegion('us-west-2')).toBe('eu-west-1');
    expect(resolveOtherRegion(config({ endpoint: 'http://127.0.0.1:9229' }), undefined)).toEqual({ region: 'us-west-2', endpoint: 'http://127.0.0.1:9229/' });
    expect(resolveOtherRegion(config({ target: 'moto', region: 'us-west-2' }), undefined)).toEqual({ region: 'eu-west-1', endpoint: 'http://localhost:5000/' });
    // The embedded emulator's endpoint is known once it has started.
    expect(resolveOtherRegion(config({}), 'ap-south-1')).toEqual({ region: 'ap-south-1' });
  });

  it('skips against AWS unless a second region is named, with the reason', () => {
    const r = resolveOtherRegion(config({ target: 'aws', region: 'us-east-1' }), undefined);
    expect('skipped' in r && r.skipped).toMatch(/sends nothing outside us-east-1 unless told to: pass --other-region REGION/);
  });

  it('sends AWS requests to the other region\'s endpoint, or to the configured endpoint every region shares', () => {
    expect(resolveOtherRegion(config({ target: 'aws', region: 'us-east-1' }), 'eu-west-1')).toEqual({ region: 'eu-west-1', endpoint: 'https://cognito-idp.eu-west-1.amazonaws.com/' });
    expect(resolveOtherRegion(config({ endpoint: 'https://cognito-idp-fips.us-east-1.amazonaws.com/' }), 'us-west-2')).toEqual({ region: 'us-west-2', endpoint: 'https://cognito-idp-fips.us-west-2.amazonaws.com/' });
    const overridden = config({ target: 'aws', region: 'us-east-1' }, { AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: 'http://127.0.0.1:4010' });
    expect(resolveOtherRegion(overridden, 'eu-west-1')).toEqual({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4010/' });
    const unknownHost = resolveOtherRegion(config({ endpoint: 'https://proxy.amazonaws.com/' , region: 'us-east-1' }), 'eu-west-1');
    expect('skipped' in unknownHost && unknownHost.skipped).toMatch(/cannot be told from --endpoint proxy\.amazonaws\.com/);
  });

  it('refuses a name that is not a region, or the run\'s own, naming where it came from', () => {
    expect(() => resolveOtherRegion(config({ target: 'aws', region: 'us-east-1' }), 'us-east-1')).toThrow(/--other-region us-east-1 is the run's own region/);
    expect(() => resolveOtherRegion(config({ target: 'aws', region: 'us-east-1' }), 'local')).toThrow(/--other-region is not an AWS region name/);
    expect(() => resolveOtherRegion(config({}), 'Not A Region', 'CONFORMANCE_OTHER_REGION')).toThrow(expect.objectContaining({ code: 'E_CONFIG', message: expect.stringMatching(/^CONFORMANCE_OTHER_REGION is not a region name/) }));
    expect(() => resolveOtherRegion(config({}), 'x y')).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});
