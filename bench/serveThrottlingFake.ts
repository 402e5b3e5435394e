import { startThrottlingCognito } from '../testing/throttlingCognito.js';

/**
 * The throttling fake Cognito (testing/throttlingCognito.ts: Cognito's documented request-rate
 * quotas, 5 per second per operation in one pool, 15 per second per category in the account) in a
 * process of its own, for runs of the CLI against it. Prints `{"endpoint": …}` on one line; on
 * stdin's end prints the throttling counts as one JSON line and stops.
 */
const fake = await startThrottlingCognito();
process.stdout.write(`${JSON.stringify({ endpoint: `${fake.endpoint}/` })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  const stats = fake.stats();
  process.stdout.write(`${JSON.stringify({ admitted: stats.admitted, throttled: stats.throttled })}\n`);
  void fake.close().then(() => process.exit(0));
});
