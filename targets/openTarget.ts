import { processCleanupRegistry, type CleanupRegistry } from './cleanupRegistry.js';
import { credentialsFor } from './credentialSource.js';
import { startEmbeddedCognitoLocal, type EmbeddedCognitoLocal } from './embeddedCognitoLocal.js';
import type { Target } from './exchange.js';
import { createHttpTarget, type HttpTargetOptions } from './httpTarget.js';
import { createSigV4Signer } from './sigv4Signer.js';
import type { TargetConfig } from './targetConfig.js';

/** A resolved configuration turned into a live Target over raw HTTP, with whatever it started. */
export interface OpenedTarget {
  target: Target;
  config: TargetConfig;
  /** Present when the configuration asked for the embedded cognito-local. */
  emulator?: EmbeddedCognitoLocal;
  /** Close the target's sockets, then stop the emulator if one was started. Idempotent. */
  close(): Promise<void>;
}

export interface OpenTargetOptions {
  registry?: CleanupRegistry;
  /** Transport settings that override the configuration's (timeouts, retry policy). */
  http?: Partial<Omit<HttpTargetOptions, 'name' | 'endpoint' | 'region' | 'signer'>>;
  /** Environment for local credentials; the process's by default. */
  env?: Readonly<Record<string, string | undefined>>;
}

export async function openTarget(config: TargetConfig, options: OpenTargetOptions = {}): Promise<OpenedTarget> {
  const registry = options.registry ?? processCleanupRegistry();
  const credentials = credentialsFor(config.credentials, {
    ...(config.profile === undefined ? {} : { profile: config.profile }),
    ...(options.env === undefined ? {} : { env: options.env }),
  });
  // Resolve once now: missing AWS credentials should stop the run before it creates anything.
  await credentials();

  const emulator = config.embedded ? await startEmbeddedCognitoLocal({ registry }) : undefined;
  const endpoint = emulator?.endpoint ?? config.endpoint;
  if (endpoint === undefined) throw new Error('openTarget: a configuration that is not embedded must have an endpoint');

  const target = createHttpTarget({
    name: config.name,
    endpoint,
    region: config.region,
    signer: createSigV4Signer({ region: config.region, credentials }),
    connections: config.limits.concurrency,
    ...(config.limits.requestsPerSecond === undefined ? {} : { requestsPerSecond: config.limits.requestsPerSecond }),
    ...options.http,
  });

  let closing: Promise<void> | undefined;
  const opened: OpenedTarget = {
    target,
    config: emulator === undefined ? config : { ...config, endpoint },
    close() {
      closing ??= (async () => {
        await target.close();
        await emulator?.stop();
      })();
      return closing;
    },
  };
  if (emulator !== undefined) opened.emulator = emulator;
  return opened;
}
