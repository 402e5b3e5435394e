import { describe, expect, it } from 'vitest';
import { appLockfile } from './appLockfile.js';

describe('appLockfile', () => {
  it('keeps the runtime dependencies as the repository locks them, drops devDependencies, and names the tarball', () => {
    const repoLock = {
      lockfileVersion: 3,
      packages: {
        '': { name: 'tool', version: '1.0.0' },
        'node_modules/undici': { version: '7.30.2', resolved: 'https://registry.npmjs.org/undici/-/undici-7.30.2.tgz', integrity: 'sha512-u' },
        'node_modules/vitest': { version: '4.1.12', dev: true },
      },
    };
    const { manifest, lock } = appLockfile(repoLock, { name: 'tool', version: '1.0.0', dependencies: { undici: '^7.30.2' } }, { file: 'tool-1.0.0.tgz', integrity: 'sha512-t' });
    expect(Object.keys(lock.packages)).toEqual(['', 'node_modules/tool', 'node_modules/undici']);
    expect(lock.packages['node_modules/undici']).toEqual(repoLock.packages['node_modules/undici']);
    expect(lock.packages['node_modules/tool']).toMatchObject({ resolved: 'file:tool-1.0.0.tgz', integrity: 'sha512-t', dependencies: { undici: '^7.30.2' } });
    expect(manifest).toMatchObject({ dependencies: { tool: 'file:tool-1.0.0.tgz' } });
  });
});
