import type { TargetConfig } from './targetConfig.js';

/**
 * The target's name in reports and baselines, known before anything is started or sent: `--name`
 * when given, else the preset's (`aws`, `localstack`, `moto`, `cognito-local`), else the
 * endpoint's host:port. Never what the target answers (its `Server` header is information only,
 * see openTarget), so the baseline that applies is decided before the first request.
 */
export function targetName(config: Pick<TargetConfig, 'name' | 'endpoint'>, name?: string): string {
  if (name !== undefined) return name;
  if (config.name !== 'custom') return config.name;
  if (config.endpoint === undefined) throw new Error('targetName: a custom target must have an endpoint');
  return new URL(config.endpoint).host;
}
