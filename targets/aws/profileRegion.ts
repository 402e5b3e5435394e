/**
 * The `region` of a profile in the shared AWS files (`~/.aws/config`, then `~/.aws/credentials`;
 * `AWS_CONFIG_FILE`/`AWS_SHARED_CREDENTIALS_FILE` move them), read with the SDK's own INI loader so
 * that `[profile name]` sections, comments and sub-sections parse as the SDKs and the CLI parse them.
 * The profile is the given one, else `AWS_PROFILE`, else `default`. Missing files mean "no region".
 */
export async function readProfileRegion(profile?: string): Promise<string | undefined> {
  // Imported here: runs that never read a profile do not load the SDK's config loader (start-up time).
  const { getProfileName, loadSharedConfigFiles } = await import('@smithy/core/config');
  const name = getProfileName(profile === undefined ? {} : { profile });
  // A cached parse from earlier in the process would hide a file written since (tests, a login).
  const files = await loadSharedConfigFiles({ ignoreCache: true });
  const region = files.configFile?.[name]?.region ?? files.credentialsFile?.[name]?.region;
  return typeof region === 'string' && region.trim() !== '' ? region.trim() : undefined;
}
