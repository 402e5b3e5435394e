import type { Exchange, Target } from '../exchange.js';
import { HarnessError } from '../harnessError.js';
import { targetFromSettings, type TargetSettings, type TargetTuning } from '../targetSettings.js';

/**
 * The run's target in its second region (targets/aws/otherRegion.ts), for the region rules: the same
 * transport, credentials and name, signed for the other region and sent to its endpoint. It keeps
 * quotas of its own, as AWS counts request rates per account and region.
 *
 * An answer that refuses the credentials or the signature (IAM denying the other region, a region
 * the account has not enabled) is a harness error, not a verdict: it says nothing about whether
 * the pool would have been found.
 */
const REFUSED_CREDENTIALS: ReadonlySet<string> = new Set([
  'AccessDeniedException', 'UnrecognizedClientException', 'InvalidSignatureException', 'IncompleteSignatureException',
  'MissingAuthenticationTokenException', 'ExpiredTokenException', 'InvalidClientTokenId',
]);

/** The main target's settings moved to the other region: `endpoint` absent keeps the main one (one endpoint for every region). */
export function otherRegionSettings(main: TargetSettings, other: { region: string; endpoint?: string }): TargetSettings {
  return { ...main, region: other.region, endpoint: other.endpoint ?? main.endpoint };
}

export async function openOtherRegionTarget(settings: TargetSettings, tuning: TargetTuning = {}): Promise<Target> {
  const target = await targetFromSettings(settings, tuning);
  return {
    info: target.info,
    async send(operation, input, options): Promise<Exchange> {
      const exchange = await target.send(operation, input, options);
      if (exchange.errorType !== undefined && REFUSED_CREDENTIALS.has(exchange.errorType)) {
        throw new HarnessError('E_CREDENTIALS', `${operation} in the second region ${settings.region} (${settings.endpoint}) refused the run's credentials: ${exchange.errorType}; the region rules need them to be allowed there`);
      }
      return exchange;
    },
    close: () => target.close(),
  };
}
