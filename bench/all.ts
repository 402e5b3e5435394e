import { BENCH_TARGETS } from './benchTarget.js';
import { defaultRun } from './defaultRun.js';
import { latency } from './latency.js';
import { overhead } from './overhead.js';
import { runsCurve } from './runsCurve.js';

/**
 * Every figure of issue 10 in one go (`npm run -s bench`): the suite's overhead over the target's
 * own time on cognito-local and the fake, latency (`--help`, `contract`, first request, replay),
 * the default run's wall time and peak RSS, and the runs curve. Each is also a script of its own
 * (bench:overhead, bench:latency, bench:default, bench:runs). Figures only; the machine's load
 * average is printed with them, since other work on the machine moves every one of them.
 */
for (const kind of BENCH_TARGETS) {
  await overhead(kind);
  console.log('');
}
await latency();
console.log('');
await defaultRun();
console.log('');
await runsCurve();
