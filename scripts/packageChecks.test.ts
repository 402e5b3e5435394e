import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unmetNeeds, unwantedPackedFiles } from './packageChecks.js';

describe('unwantedPackedFiles', () => {
  it('passes the build, the bin and what npm adds', () => {
    expect(unwantedPackedFiles(['package.json', 'README.md', 'LICENSE', 'cli/bin.js', 'dist/index.js', 'dist/index.d.ts', 'dist/reports/baselines/cognito-local.json', 'dist/contract/evidence/issues.jsonl'])).toEqual([]);
  });

  it('flags sources, tests, suites, benches, CI files, fakes and run output', () => {
    const planted = [
      'index.ts', 'cli/main.ts', 'cli/runCommand.fake.e2e.test.ts', 'suites/output.suite.ts', 'bench/all.ts', '.ci/run',
      'testing/fakeCognito.ts', 'reports/latest/report.json', 'dist/testing/fakeCognito.js', 'dist/reports/latest/report.json',
      'dist/runner/checkRule.test.js', 'dist/runner/vitest.config.js', 'dist/suites/defaults.js', 'docs/package.md',
    ];
    expect(unwantedPackedFiles(planted)).toEqual(planted);
  });
});

describe('unmetNeeds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-needs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'data.json'), '{}');
  const write = (text: string) => writeFileSync(join(dir, 'dist', 'cli', 'main.js'), text);
  const declared = new Set(['ajv', '@aws-sdk/client-sts']);

  it('passes declared packages, built-ins, relative imports, the package itself and files that are there', () => {
    write([
      "import Ajv from 'ajv';", "import { readFileSync } from 'node:fs';", "import { join } from 'path';", "import { x } from './x.js';",
      "const sts = await import('@aws-sdk/client-sts/dist-es/index.js');",
      "const v = createRequire(import.meta.url)('self-name/package.json');",
      "const d = readFileSync(new URL('../data.json', import.meta.url));",
    ].join('\n'));
    expect(unmetNeeds(dir, declared, 'self-name')).toEqual([]);
  });

  it('flags an undeclared package however it is imported, and a file read beside a module that is missing', () => {
    write([
      "import { register } from 'tsx/esm/api';", "const v = await import('vitest');",
      "const p = createRequire(import.meta.url)('@smithy/core/package.json');",
      "const b = new URL('../reports/baselines/cognito-local.json', import.meta.url);",
    ].join('\n'));
    expect(unmetNeeds(dir, declared, 'self-name')).toEqual([
      'dist/cli/main.js: imports tsx/esm/api, not a declared dependency',
      'dist/cli/main.js: imports vitest, not a declared dependency',
      'dist/cli/main.js: imports @smithy/core/package.json, not a declared dependency',
      'dist/cli/main.js: reads ../reports/baselines/cognito-local.json, not in the package',
    ]);
  });
});
