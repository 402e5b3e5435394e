import { startFakeCognito } from '../testing/fakeCognito.js';

/**
 * The in-process fake Cognito (testing/fakeCognito.ts), clean, in a process of its own: a bench
 * then measures it the way it measures cognito-local, without the fake sharing a thread with the
 * proxy or the bare loop. Prints `{"endpoint": …}` on one line; stops when stdin closes.
 */
const fake = await startFakeCognito();
process.stdout.write(`${JSON.stringify({ endpoint: `${fake.endpoint}/` })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void fake.close().then(() => process.exit(0));
});
