import type { Target } from '../targets/exchange.js';
import { createHttpTarget } from '../targets/httpTarget.js';
import { createSdkTarget } from '../targets/sdkTarget.js';
import { createSigV4Signer } from '../targets/sigv4Signer.js';
import { credentialsFor } from '../targets/credentialSource.js';
import type { TargetSettings } from './runContext.js';

/** Builds the run's Target in whichever process needs it (the CLI, each vitest worker). */
export function targetFromSettings(settings: TargetSettings): Target {
  const credentials = credentialsFor(settings.credentials, settings.profile === undefined ? {} : { profile: settings.profile });
  const limits = {
    connections: settings.concurrency,
    ...(settings.requestsPerSecond === undefined ? {} : { requestsPerSecond: settings.requestsPerSecond }),
  };
  if (settings.transport === 'sdk') {
    return createSdkTarget({ name: settings.name, endpoint: settings.endpoint, region: settings.region, credentials, ...limits });
  }
  const signer = createSigV4Signer({ region: settings.region, credentials });
  return createHttpTarget({ name: settings.name, endpoint: settings.endpoint, region: settings.region, signer, ...limits });
}
