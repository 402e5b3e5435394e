import { describe, expect, it } from 'vitest';
import { cliInvocation } from './cliInvocation.js';

describe('cliInvocation', () => {
  it('is the npm script in a clone, where the sources run (as in this test)', () => {
    expect(cliInvocation()).toBe('npm run conformance --');
    expect(cliInvocation('file:///clone/reports/cliInvocation.ts')).toBe('npm run conformance --');
  });

  it('is the bin through npx in an installed package, which runs the compiled build', () => {
    expect(cliInvocation('file:///app/node_modules/cognito-conformance/dist/reports/cliInvocation.js')).toBe('npx cognito-conformance');
  });
});
