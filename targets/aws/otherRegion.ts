import { awsEndpoint, type TargetConfig } from '../targetConfig.js';
import { HarnessError } from '../harnessError.js';

/**
 * The second region a run reaches for its region rules (contract/regionRules.ts): the same target
 * and credentials, signed for another region, at that region's endpoint.
 *
 * - An emulator serves every region at its one endpoint (cognito-local, moto, LocalStack, any
 *   `--endpoint` on loopback): the other region is the same endpoint signed for another region,
 *   chosen by default, so emulator CI judges region scoping with no flag.
 * - AWS has an endpoint per region (`cognito-idp.<region>.amazonaws.com`). A run there sends
 *   nothing outside `--region` unless told to: least-privilege roles and service control policies
 *   are often limited to one region, where a request elsewhere is denied, which says nothing about
 *   Cognito. So against AWS the rules run only with `--other-region REGION` (or
 *   CONFORMANCE_OTHER_REGION) and are skipped with that reason otherwise. The endpoint follows the
 *   main one: a configured endpoint (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER, AWS_ENDPOINT_URL)
 *   applies to every region, as it does in the SDKs; a regional AWS host in `--endpoint` gets the
 *   other region in its name; the preset's endpoint is the other region's.
 */
export type OtherRegion =
  /** `endpoint` absent: the main target's (known once an embedded emulator has started). */
  | { region: string; endpoint?: string }
  | { skipped: string };

/** The region an emulator run checks scoping through when none is named: never the run's own. */
export function defaultOtherRegion(region: string): string {
  return region === 'us-west-2' ? 'eu-west-1' : 'us-west-2';
}

const REGION_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const AWS_REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const AWS_REGIONAL_HOST = /^(cognito-idp(?:-fips)?\.)([a-z0-9-]+)(\.amazonaws\.com(?:\.cn)?)$/;

/**
 * The other region of a run, from `--other-region` / CONFORMANCE_OTHER_REGION (`named`, with
 * `label` the flag or variable it came from) and the main target's configuration. A name that is
 * not a region, or the run's own region, is a usage error; a run that cannot reach a second region
 * gets `skipped` with the reason.
 */
export function resolveOtherRegion(config: TargetConfig, named: string | undefined, label = '--other-region'): OtherRegion {
  const code = label.startsWith('--') ? 'E_USAGE' : 'E_CONFIG';
  if (named !== undefined) {
    if (!REGION_PATTERN.test(named) || named.length > 32) throw new HarnessError(code, `${label} is not a region name: ${JSON.stringify(named.slice(0, 40))}`);
    if (config.kind === 'aws' && !AWS_REGION_PATTERN.test(named)) throw new HarnessError(code, `${label} is not an AWS region name (like eu-west-1): ${JSON.stringify(named)}`);
    if (named === config.region) throw new HarnessError(code, `${label} ${named} is the run's own region: name another one`);
  }
  if (config.kind === 'emulator') {
    const region = named ?? defaultOtherRegion(config.region);
    return config.endpoint === undefined ? { region } : { region, endpoint: config.endpoint };
  }
  if (named === undefined) {
    return { skipped: `against AWS the run sends nothing outside ${config.region} unless told to: pass --other-region REGION (or set CONFORMANCE_OTHER_REGION) to check that a pool is not found through another region` };
  }
  switch (config.endpointSource) {
    case 'preset':
      return { region: named, endpoint: awsEndpoint(named) };
    case 'flag': {
      const url = new URL(config.endpoint as string);
      const m = AWS_REGIONAL_HOST.exec(url.hostname);
      if (!m) return { skipped: `the other region's endpoint cannot be told from --endpoint ${url.host} (not a regional cognito-idp host)` };
      url.hostname = `${m[1]}${named}${m[3]}`;
      return { region: named, endpoint: url.href };
    }
    default:
      // AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER / AWS_ENDPOINT_URL: every region's endpoint.
      return config.endpoint === undefined ? { region: named } : { region: named, endpoint: config.endpoint };
  }
}
