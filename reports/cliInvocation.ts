/**
 * How a user starts the CLI, for the commands the tool prints (replay a case, judge a record,
 * update a baseline, list the rules). In a clone it is `npm run conformance --`: the package's
 * own bin is not on a clone's PATH, and `npx cognito-conformance` there would look the name up in
 * the registry. In an installed package it is `npx cognito-conformance`: the app has no
 * `conformance` script. Which one is known from the module's own URL: the clone runs the
 * TypeScript sources (through tsx, vitest, or the compiled cache, which keeps each module's source
 * URL), the installed package its compiled JavaScript (dist/, docs/package.md).
 */
export function cliInvocation(moduleUrl: string = import.meta.url): string {
  return moduleUrl.endsWith('.ts') ? 'npm run conformance --' : 'npx cognito-conformance';
}
