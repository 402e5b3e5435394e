import type { TestProject } from 'vitest/node';
import { processCleanupRegistry } from '../targets/cleanupRegistry.js';
import { prepareRun, type PreparedRun } from './prepareRun.js';

/**
 * Global setup for plain `vitest run -c runner/vitest.config.ts` (sharded CI runs): prepares the
 * run from CONFORMANCE_* variables (CONFORMANCE_TARGET, CONFORMANCE_ENDPOINT, CONFORMANCE_REGION,
 * CONFORMANCE_SEED, CONFORMANCE_RUNS, CONFORMANCE_RULES, CONFORMANCE_TRANSPORT). When
 * `cognito-conformance run` drives vitest, it has prepared the run itself and this does nothing.
 */
let prepared: PreparedRun | undefined;

function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return n;
}

export async function setup(project: TestProject): Promise<void> {
  if (project.getProvidedContext().conformance) return;
  const env = process.env;
  const transport = env.CONFORMANCE_TRANSPORT === 'sdk' ? 'sdk' : 'http';
  prepared = await prepareRun({
    flags: {
      ...(env.CONFORMANCE_TARGET ? { target: env.CONFORMANCE_TARGET } : {}),
      ...(env.CONFORMANCE_ENDPOINT ? { endpoint: env.CONFORMANCE_ENDPOINT } : {}),
      ...(env.CONFORMANCE_REGION ? { region: env.CONFORMANCE_REGION } : {}),
      ...(!env.CONFORMANCE_TARGET && !env.CONFORMANCE_ENDPOINT && !env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER && !env.AWS_ENDPOINT_URL ? { target: 'cognito-local' } : {}),
    },
    transport,
    seed: int('CONFORMANCE_SEED', 42),
    runs: int('CONFORMANCE_RUNS', 25),
    ...(env.CONFORMANCE_RULES ? { rules: env.CONFORMANCE_RULES } : {}),
    targetFlags: [env.CONFORMANCE_TARGET && `--target ${env.CONFORMANCE_TARGET}`, env.CONFORMANCE_ENDPOINT && `--endpoint ${env.CONFORMANCE_ENDPOINT}`, env.CONFORMANCE_REGION && `--region ${env.CONFORMANCE_REGION}`].filter(Boolean).join(' '),
  }, processCleanupRegistry());
  project.provide('conformance', prepared.context);
  project.provide('conformanceReport', prepared.runInfo);
}

export async function teardown(): Promise<void> {
  await prepared?.close();
}
