import { createRequire } from 'node:module';

/**
 * The package version, for reports. Read through the package's own name (Node's self-reference,
 * allowed by "./package.json" in its exports) rather than a path relative to this module: the
 * module runs from the sources in the repo and from dist/runner/ in the installed package, and
 * package.json is one folder up from the first but two from the second.
 * (https://nodejs.org/api/packages.html#self-referencing-a-package-using-its-name)
 */
export function toolVersion(): string {
  return (createRequire(import.meta.url)('cognito-conformance/package.json') as { version: string }).version;
}
