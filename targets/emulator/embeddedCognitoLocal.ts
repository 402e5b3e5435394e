import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { get } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { processCleanupRegistry, type CleanupRegistry } from '../pool/cleanupRegistry.js';
import { freeLoopbackPort } from './freeLoopbackPort.js';
import { HarnessError } from '../harnessError.js';
import { TextTail } from './textTail.js';

/**
 * cognito-local 5.x started as a child process on a free loopback port with its data in a fresh
 * temporary directory (it keeps `.cognito/db` in its working directory), as
 * docs/evidence.md §9 recommends.
 */
export interface EmbeddedCognitoLocal {
  /** `http://127.0.0.1:<port>/` */
  readonly endpoint: string;
  readonly port: number;
  readonly pid: number;
  /** Its working directory; removed by stop(). */
  readonly dataDir: string;
  /** From spawn to the first good `/health` answer. */
  readonly startMs: number;
  /** The tail of what it printed, for error messages. */
  recentOutput(): string;
  /** Kill it (its process group), wait for it to exit, remove dataDir. Idempotent. */
  stop(): Promise<void>;
}

export interface EmbeddedCognitoLocalOptions {
  /** Give up waiting for `/health` after this long. */
  startTimeoutMs?: number;
  /** Where stop() is registered for signals; the process-wide registry by default. */
  registry?: CleanupRegistry;
  /**
   * Another installed cognito-local to start (its `lib/bin/start.js`), e.g. an older release kept
   * as an npm alias for the regression corpus (testing/emulatorBugs.ts); the dependency by default.
   */
  bin?: string;
  /**
   * Ready once anything answers HTTP on the port: for releases before `/health` existed (2.x),
   * which answer it with a 404 page.
   */
  readyOnAnyAnswer?: boolean;
}

const DEFAULT_START_TIMEOUT_MS = 15_000;
/**
 * V8 heap limits of the emulator's process. Left to its defaults it grows to 130–160 MiB in a run
 * (young generation up to 32 MiB, old generation let to fill with garbage), while what it keeps
 * is a pool or two: with these it stays at 80–85 MiB from `--runs 25` to `--runs 400`, as fast
 * (issue 10: the run's whole process tree must fit in 300 MiB). The old-generation limit is
 * headroom, not a squeeze: a run keeps at most one client per request in flight.
 */
const EMULATOR_NODE_FLAGS = ['--max-semi-space-size=1', '--max-old-space-size=192'];
const STOP_GRACE_MS = 3_000;
// A port taken between our probe and its bind is the only failure worth a new port.
const PORT_ATTEMPTS = 3;

export function cognitoLocalBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('cognito-local/package.json')), 'lib', 'bin', 'start.js');
}

export async function startEmbeddedCognitoLocal(options: EmbeddedCognitoLocalOptions = {}): Promise<EmbeddedCognitoLocal> {
  const timeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const registry = options.registry ?? processCleanupRegistry();
  let bin: string;
  try {
    bin = options.bin ?? cognitoLocalBin();
  } catch {
    throw new HarnessError('E_EMULATOR_START', 'cognito-local is not installed: run npm ci');
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    try {
      return await startOnce(bin, port, timeoutMs, registry, options.readyOnAnyAnswer ?? false);
    } catch (err) {
      if (!(err instanceof PortTaken) || attempt >= PORT_ATTEMPTS) {
        throw err instanceof PortTaken ? err.harnessError : err;
      }
    }
  }
}

class PortTaken extends Error {
  constructor(readonly harnessError: HarnessError) {
    super(harnessError.message);
  }
}

async function startOnce(bin: string, port: number, timeoutMs: number, registry: CleanupRegistry, anyAnswer: boolean): Promise<EmbeddedCognitoLocal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cognito-local-'));
  const tail = new TextTail();
  const endpoint = `http://127.0.0.1:${port}/`;
  const t0 = performance.now();
  const child = spawn(process.execPath, [...EMULATOR_NODE_FLAGS, bin], {
    cwd: dataDir,
    env: childEnv(port),
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: stop() can kill anything it started, and a terminal's Ctrl-C reaches
    // only us, so the cleanup registry decides the order (fixtures first, then the emulator).
    detached: true,
  });
  child.stdout?.on('data', (c: Buffer) => tail.push(c));
  child.stderr?.on('data', (c: Buffer) => tail.push(c));
  const exited = exitOf(child);
  if (child.pid !== undefined) live.set(child.pid, dataDir);
  ensureExitHook();

  const pid = child.pid;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      handle.unregister();
      await terminate(child, exited);
      if (pid !== undefined) live.delete(pid);
      await rm(dataDir, { recursive: true, force: true });
    })();
    return stopping;
  };
  const handle = registry.register(`cognito-local ${endpoint}`, stop);

  const failure = await waitReady(port, exited, timeoutMs, anyAnswer);
  if (failure !== undefined) {
    await stop();
    const detail = tail.lastLine();
    const message = `cognito-local on ${endpoint} ${failure}${detail === '' ? '' : `: ${detail}`}`;
    const error = new HarnessError('E_EMULATOR_START', message);
    throw /EADDRINUSE/.test(tail.text()) ? new PortTaken(error) : error;
  }
  // An idle emulator must not keep the process alive; the exit hook and the registry still stop it.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();

  return {
    endpoint,
    port,
    pid: pid as number,
    dataDir,
    startMs: Math.round(performance.now() - t0),
    recentOutput: () => tail.text(),
    stop,
  };
}

/** Only what it needs: no credentials, no DEBUG (it would log the whole store), no NODE_OPTIONS of a test runner. */
function childEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PORT: String(port),
    HOST: '127.0.0.1',
    // Without it a malformed body gets an HTML stack trace with install paths.
    NODE_ENV: 'production',
    // Its aws-sdk v2 dependency prints an end-of-support notice on start.
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'SYSTEMROOT']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

type ExitInfo = { code: number | null; signal: NodeJS.Signals | null; error?: Error };

function exitOf(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
  });
}

/** Undefined when ready; otherwise the words for what went wrong. */
async function waitReady(port: number, exited: Promise<ExitInfo>, timeoutMs: number, anyAnswer: boolean): Promise<string | undefined> {
  const deadline = performance.now() + timeoutMs;
  let exit: ExitInfo | undefined;
  void exited.then((e) => (exit = e));
  while (performance.now() < deadline) {
    if (exit !== undefined) {
      if (exit.error !== undefined) return `could not be started (${exit.error.message})`;
      return `exited (${exit.signal ?? `code ${exit.code}`}) before it was ready`;
    }
    if (await healthy(port, anyAnswer)) return undefined;
    await sleep(50);
  }
  const limit = timeoutMs >= 1_000 ? `${(timeoutMs / 1000).toFixed(0)} s` : `${timeoutMs} ms`;
  return `did not answer GET /health within ${limit}`;
}

function healthy(port: number, anyAnswer: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 1_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve(anyAnswer || (res.statusCode === 200 && /"ok"\s*:\s*true/.test(body))));
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

async function terminate(child: ChildProcess, exited: Promise<ExitInfo>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  signalGroup(child.pid, 'SIGTERM');
  // The grace timer is cancelled once the emulator has exited: left running it would keep this
  // process alive for the rest of STOP_GRACE_MS after every run.
  const grace = new AbortController();
  const graceful = await Promise.race([
    exited.then(() => true),
    sleep(STOP_GRACE_MS, false, { signal: grace.signal }).catch(() => false),
  ]);
  grace.abort();
  if (!graceful) {
    signalGroup(child.pid, 'SIGKILL');
    await exited;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

// Emulators still running when the process exits: 'exit' handlers must be synchronous, so they are
// killed outright and their directories removed with the sync API.
const live = new Map<number, string>();
let exitHookInstalled = false;

function ensureExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const [pid, dir] of live) {
      signalGroup(pid, 'SIGKILL');
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // Best effort at exit.
      }
    }
    live.clear();
  });
}
