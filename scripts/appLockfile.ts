/**
 * The lockfile of an empty app that depends on nothing but the packed tarball, built from the
 * repository's own lockfile: the tool's runtime dependencies at exactly the versions, resolved
 * addresses and integrities the repository locks (npm hoists them to the same `node_modules/…`
 * paths in the app as in the clone), its devDependencies left out.
 *
 * Why not `npm install <tarball> --offline`: that resolves each dependency's range from the
 * registry's package documents, which `npm ci` never fetches, so on a fresh machine (CI) the
 * offline install fails with ENOTCACHED; and letting it go online would make `npm test` reach the
 * registry. `npm ci --offline` with this lockfile needs only the tarballs `npm ci` just cached.
 */
export interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  [key: string]: unknown;
}

export interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

export interface PackedManifest {
  name: string;
  version: string;
  license?: string;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, unknown>;
  bin?: Record<string, string>;
  engines?: Record<string, string>;
}

export function appLockfile(repoLock: Lockfile, pkg: PackedManifest, tarball: { file: string; integrity: string }, appName = 'empty-app'): { manifest: object; lock: Lockfile } {
  const spec = `file:${tarball.file}`;
  const packages: Record<string, LockEntry> = {
    '': { name: appName, version: '1.0.0', dependencies: { [pkg.name]: spec } },
    [`node_modules/${pkg.name}`]: {
      version: pkg.version,
      resolved: spec,
      integrity: tarball.integrity,
      license: pkg.license,
      dependencies: pkg.dependencies,
      peerDependencies: pkg.peerDependencies,
      peerDependenciesMeta: pkg.peerDependenciesMeta,
      bin: pkg.bin,
      engines: pkg.engines,
    },
  };
  for (const [path, entry] of Object.entries(repoLock.packages)) {
    if (path === '' || entry.dev === true) continue;
    packages[path] = entry;
  }
  return {
    manifest: { name: appName, version: '1.0.0', private: true, type: 'module', dependencies: { [pkg.name]: spec } },
    lock: { lockfileVersion: 3, packages },
  };
}
