export function runCommand(argv: string[], out: (s: string) => void): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out('Usage: cognito-conformance run [flags]\n\nThe end-to-end run is not built yet (issue 3).\n');
    return 0;
  }
  process.stderr.write('cognito-conformance: run is not implemented yet (issue 3)\n');
  return 2;
}
