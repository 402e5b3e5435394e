import { describe, expect, it } from 'vitest';
import { coverageLabels } from './coverageLabels.js';

describe('coverageLabels', () => {
  it('labels members, enums, booleans, integer and length bounds, lists, tokens and URLs', () => {
    const labels = coverageLabels({
      UserPoolId: 'us-east-1_abc',
      ClientName: 'a',
      GenerateSecret: false,
      AccessTokenValidity: 300,
      IdTokenValidity: 7,
      RefreshTokenValidity: 0,
      TokenValidityUnits: { AccessToken: 'seconds', IdToken: 'hours' },
      CallbackURLs: [`https://example.com/${'あ'.repeat(1004)}`, 'http://[::1]:8080/cb', 'myapp://cb'],
      LogoutURLs: [],
      AuthSessionValidity: 15,
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    });
    expect(labels).toEqual(expect.arrayContaining([
      'member:ClientName', 'len:ClientName=min', 'bool:GenerateSecret=false',
      'enum:TokenValidityUnits.AccessToken=seconds', 'member:TokenValidityUnits.IdToken',
      'token:access:seconds=300', 'token:refresh:default=0',
      'len:CallbackURLs[]=max', 'len:CallbackURLs[]=max:non-ascii', 'list:LogoutURLs=empty',
      'url:CallbackURLs[]=https', 'url:CallbackURLs[]=http-[::1]', 'url:CallbackURLs[]=port', 'url:CallbackURLs[]=custom-scheme', 'url:CallbackURLs[]=non-ascii-path',
      'int:AuthSessionValidity=max', 'enum:RefreshTokenRotation.Feature=ENABLED', 'int:RefreshTokenRotation.RetryGracePeriodSeconds=min',
    ]));
    // 7 hours is not at an edge; an astral-free string gets no astral tag.
    expect(labels.filter((l) => l.startsWith('token:id'))).toEqual([]);
    expect(labels).not.toContain('len:CallbackURLs[]=max:astral');
  });

  it('labels a unit sent alone', () => {
    expect(coverageLabels({ TokenValidityUnits: { RefreshToken: 'days' } })).toContain('token:refresh:days=unit-only');
  });
});
