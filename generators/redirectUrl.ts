import fc from 'fast-check';
import { requestMembers } from '../contract/requestMembers.js';
import { ASTRAL_LETTERS, BMP_LETTERS, allowedChars, charLength, repeatToLength } from './patternChars.js';

/**
 * Redirect URLs (CallbackURLs, LogoutURLs, DefaultRedirectURI: RedirectUrlType) that satisfy
 * every URL rule: absolute (callback-urls.absolute), no fragment (callback-urls.no-fragment), https
 * or a custom scheme or http on a loopback host (callback-urls.https-except-loopback).
 *
 * Hosts stay ASCII and non-ASCII goes into paths only: real AWS accepted a 1024-character URL whose
 * path is `あ` (TF-T urls_utf8); internationalised host names have no evidence either way.
 */
const URL_NODE = requestMembers.CallbackURLs.items!;
export const URL_MAX_LENGTH = URL_NODE.length!.max!;

const HTTPS_HOSTS = ['example.com', 'app.example.org', 'auth.example.net', 'login.test.example.com'] as const;
// The http hosts the CallbackURLs documentation (model text of 2026-02-27) exempts from HTTPS, any port.
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;
// Custom schemes for native apps (`myapp://cb` in the CallbackURLs documentation).
const CUSTOM_SCHEMES = ['myapp', 'com.example.app', 'exp+demo'] as const;

const urlChars = new Set(allowedChars(URL_NODE.pattern));
// Unreserved ASCII plus letters beyond ASCII; `#`, `%`, `?` and `\` stay out of paths on purpose.
const PATH_CHARS = ['a', 'b', 'c', 'x', 'z', 'A', 'Z', '0', '1', '9', '-', '.', '_', '~', ...BMP_LETTERS, ...ASTRAL_LETTERS].filter((c) => urlChars.has(c));

const pathChar = fc.constantFrom(...PATH_CHARS);
const segment = fc.array(pathChar, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));

type UrlKind = 'https' | 'loopback' | 'custom';

interface UrlGene {
  kind: UrlKind;
  host: number;
  port: number | undefined;
  segments: string[];
  /** Padding for long URLs: a short chunk plus at least one BMP and one astral letter. */
  pad: string[];
}

const urlGene: fc.Arbitrary<UrlGene> = fc.record({
  kind: fc.constantFrom<UrlKind>('https', 'loopback', 'custom'),
  host: fc.nat(),
  port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
  segments: fc.array(segment, { maxLength: 3 }),
  pad: fc
    .tuple(fc.array(pathChar, { minLength: 1, maxLength: 5 }), fc.constantFrom(...BMP_LETTERS), fc.constantFrom(...ASTRAL_LETTERS))
    .map(([chunk, bmp, astral]) => [...chunk, bmp, astral]),
});

function prefixOf(g: UrlGene): string {
  const port = g.port === undefined ? '' : `:${g.port}`;
  switch (g.kind) {
    case 'https':
      return `https://${HTTPS_HOSTS[g.host % HTTPS_HOSTS.length]}${port}/`;
    case 'loopback':
      return `http://${LOOPBACK_HOSTS[g.host % LOOPBACK_HOSTS.length]}${port}/`;
    case 'custom':
      return `${CUSTOM_SCHEMES[g.host % CUSTOM_SCHEMES.length]}://cb/`;
  }
}

function naturalUrl(g: UrlGene): string {
  return prefixOf(g) + g.segments.join('/');
}

/**
 * Exactly `length` characters: the prefix, then the path padded with the gene's chunk (its ASCII
 * characters only when `ascii`).
 */
function urlOfLength(g: UrlGene, length: number, ascii = false): string {
  const prefix = prefixOf(g);
  const asciiPad = g.pad.filter((c) => c.charCodeAt(0) < 0x80);
  const pad = ascii ? (asciiPad.length ? asciiPad : ['a']) : g.pad;
  return prefix + repeatToLength(pad, length - charLength(prefix));
}

/** The longest prefix a URL can have, so callers know the shortest exact length they may ask for. */
export const URL_PREFIX_MAX = Math.max(
  ...(['https', 'loopback', 'custom'] as const).flatMap((kind) =>
    [0, 1, 2, 3].map((host) => charLength(prefixOf({ kind, host, port: 65535, segments: [], pad: [] })))),
);

/**
 * A valid redirect URL; one in five is exactly the model's maximum length, with non-ASCII in it.
 * `short` leaves the long ones out, for faults that append to a URL.
 */
export function redirectUrl(options: { short?: boolean } = {}): fc.Arbitrary<string> {
  if (options.short) return urlGene.map(naturalUrl);
  return fc.oneof(
    { withCrossShrink: true },
    { arbitrary: urlGene.map(naturalUrl), weight: 4 },
    { arbitrary: urlGene.map((g) => urlOfLength(g, URL_MAX_LENGTH)), weight: 1 },
  );
}

/** Path segments for URL-like faults: the characters valid paths use. */
export const urlSegment: fc.Arbitrary<string> = segment;

/**
 * A URL of exactly `length` characters (at least URL_PREFIX_MAX + 1), valid but perhaps for its
 * length; `ascii` keeps non-ASCII letters out of it.
 */
export function redirectUrlOfLength(length: number, script: 'ascii' | 'non-ascii' = 'non-ascii'): fc.Arbitrary<string> {
  if (length <= URL_PREFIX_MAX) throw new Error(`redirectUrlOfLength: ${length} leaves no room for a path`);
  return urlGene.map((g) => urlOfLength(g, length, script === 'ascii'));
}

/**
 * The list with repeats replaced: a list of redirect URLs is a set (output.lists-as-sets), and
 * whether AWS accepts repeats is not known, so valid requests never repeat one.
 */
export function distinctUrls(urls: readonly string[]): string[] {
  const seen = new Set<string>();
  return urls.map((u, i) => {
    let v = u;
    for (let k = 0; seen.has(v); k++) v = `https://example.com/d${i}-${k}`;
    seen.add(v);
    return v;
  });
}
