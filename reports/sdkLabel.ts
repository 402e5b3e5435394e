/**
 * Which AWS SDK a `--transport sdk` run sent through and where it was loaded from
 * (targets/sdk/sdkSource.ts), as every report's header says it: what an SDK-upgrade check is
 * about. Empty for a run without the SDK.
 */
export function sdkLabel(target: { sdkVersion?: string | undefined; sdkOrigin?: string | undefined }): string {
  if (target.sdkVersion === undefined) return '';
  return ` @aws-sdk/client-cognito-identity-provider ${target.sdkVersion}${target.sdkOrigin === undefined ? '' : ` from ${target.sdkOrigin}`}`;
}
