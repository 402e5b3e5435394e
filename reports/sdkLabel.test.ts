import { describe, expect, it } from 'vitest';
import { sdkLabel } from './sdkLabel.js';

describe('sdkLabel', () => {
  it('names the SDK version and where it came from, and nothing for a run without the SDK', () => {
    expect(sdkLabel({ sdkVersion: '3.521.0', sdkOrigin: 'node_modules/aws-sdk-cognito-floor (--sdk-from)' })).toBe(' @aws-sdk/client-cognito-identity-provider 3.521.0 from node_modules/aws-sdk-cognito-floor (--sdk-from)');
    expect(sdkLabel({ sdkVersion: '3.1169.0' })).toBe(' @aws-sdk/client-cognito-identity-provider 3.1169.0');
    expect(sdkLabel({})).toBe('');
  });
});
