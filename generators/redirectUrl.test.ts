import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestMembers } from '../contract/requestMembers.js';
import { urlFacts } from '../contract/requestViolations.js';
import { charLength, patternRegExp } from './patternChars.js';
import { LOOPBACK_HOSTS, URL_MAX_LENGTH, URL_PREFIX_MAX, distinctUrls, redirectUrl, redirectUrlOfLength } from './redirectUrl.js';

const node = requestMembers.CallbackURLs.items!;

describe('redirectUrl', () => {
  it('produces absolute URLs without fragment, https or custom scheme or http on loopback, within the model', () => {
    const urls = fc.sample(redirectUrl(), { seed: 9, numRuns: 300 });
    for (const u of urls) {
      expect(urlFacts(u)).toEqual({ absolute: true, fragment: false, httpsOrLoopback: true });
      expect(patternRegExp(node.pattern!).test(u)).toBe(true);
      expect(charLength(u)).toBeLessThanOrEqual(URL_MAX_LENGTH);
    }
    expect(urls.some((u) => charLength(u) === URL_MAX_LENGTH)).toBe(true);
    for (const h of LOOPBACK_HOSTS) expect(urls.some((u) => u.startsWith(`http://${h}`))).toBe(true);
    expect(urls.some((u) => /^[a-z.+]+:\/\/cb\//.test(u) && !u.startsWith('http'))).toBe(true);
  });

  it('leaves long URLs out when asked for short ones', () => {
    expect(fc.sample(redirectUrl({ short: true }), { seed: 9, numRuns: 200 }).every((u) => charLength(u) < 100)).toBe(true);
  });

  it('builds URLs of an exact length, ASCII or not', () => {
    for (const n of [URL_PREFIX_MAX + 1, URL_MAX_LENGTH, URL_MAX_LENGTH + 1]) {
      for (const u of fc.sample(redirectUrlOfLength(n, 'ascii'), { seed: 2, numRuns: 10 })) expect([charLength(u), /^[\x21-\x7e]+$/.test(u)]).toEqual([n, true]);
      for (const u of fc.sample(redirectUrlOfLength(n), { seed: 2, numRuns: 10 })) expect(charLength(u)).toBe(n);
    }
    expect(() => redirectUrlOfLength(URL_PREFIX_MAX)).toThrow();
  });

  it('replaces repeats', () => {
    const out = distinctUrls(['https://a.example/', 'https://a.example/', 'https://example.com/d1-0', 'https://a.example/']);
    expect(new Set(out).size).toBe(4);
    expect(out[0]).toBe('https://a.example/');
  });
});
