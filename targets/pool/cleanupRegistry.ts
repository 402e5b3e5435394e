/**
 * Async cleanups (delete a pool, stop an emulator) that must run whatever way a run ends: at the
 * end, on failure, and on SIGINT/SIGTERM. A signal runs every pending cleanup once, newest first
 * (what was created last depends on what was created first: a pool's fixture before the emulator
 * it lives in), then exits 130 (SIGINT) or 143 (SIGTERM), the shell's codes for those signals.
 * A second signal while cleaning up exits at once.
 */
export type CleanupFn = () => Promise<void> | void;

export interface CleanupHandle {
  readonly name: string;
  /** Run now (once; later calls return the same promise) and forget it. */
  run(): Promise<void>;
  /** Forget it without running it. */
  unregister(): void;
}

export interface CleanupFailure {
  name: string;
  message: string;
}

export interface CleanupRegistry {
  register(name: string, fn: CleanupFn): CleanupHandle;
  /** Run every pending cleanup once, newest first; failures are collected, not thrown. */
  runAll(): Promise<CleanupFailure[]>;
  readonly pending: number;
}

type Signal = 'SIGINT' | 'SIGTERM';

/** What the registry listens on: `process`, or an EventEmitter in tests. */
export interface SignalSource {
  on(event: Signal, listener: () => void): unknown;
  off(event: Signal, listener: () => void): unknown;
}

export interface CleanupRegistryOptions {
  signals?: SignalSource;
  exit?: (code: number) => void;
  /** One cleanup may take this long on a signal before it is abandoned. */
  stepTimeoutMs?: number;
  log?: (line: string) => void;
}

const EXIT_CODES: Readonly<Record<Signal, number>> = { SIGINT: 130, SIGTERM: 143 };

export function createCleanupRegistry(options: CleanupRegistryOptions = {}): CleanupRegistry {
  const signals = options.signals ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  // A minute: removing a pool on a throttling account waits the throttling out (persistentTarget.ts);
  // a second signal still exits at once.
  const stepTimeoutMs = options.stepTimeoutMs ?? 60_000;
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));

  interface Entry {
    name: string;
    fn: CleanupFn;
    done?: Promise<void>;
  }
  const entries: Entry[] = [];
  // Cleanups started through a handle and not finished yet: a signal must wait for them too.
  const running = new Set<Promise<void>>();
  let listening = false;
  let interrupted = false;

  const onSignal: Record<Signal, () => void> = {
    SIGINT: () => void handleSignal('SIGINT'),
    SIGTERM: () => void handleSignal('SIGTERM'),
  };

  // Listen only while something is pending, so an idle process keeps Node's default signal behaviour.
  function updateListeners(): void {
    const want = entries.length > 0;
    if (want === listening) return;
    for (const s of Object.keys(onSignal) as Signal[]) {
      if (want) signals.on(s, onSignal[s]);
      else signals.off(s, onSignal[s]);
    }
    listening = want;
  }

  function forget(entry: Entry): void {
    const i = entries.indexOf(entry);
    if (i >= 0) entries.splice(i, 1);
    if (!interrupted) updateListeners();
  }

  function runEntry(entry: Entry): Promise<void> {
    if (entry.done === undefined) {
      forget(entry);
      const done = (async () => entry.fn())();
      entry.done = done;
      running.add(done);
      void done.then(
        () => running.delete(done),
        () => running.delete(done),
      );
    }
    return entry.done;
  }

  async function runAll(timeoutMs?: number): Promise<CleanupFailure[]> {
    const failures: CleanupFailure[] = [];
    while (entries.length > 0) {
      const entry = entries[entries.length - 1];
      try {
        await withTimeout(runEntry(entry), timeoutMs, entry.name);
      } catch (err) {
        failures.push({ name: entry.name, message: oneLine(err) });
      }
    }
    if (running.size > 0) {
      // Their own callers see their failures; here they only have to be over.
      await withTimeout(Promise.allSettled([...running]).then(() => undefined), timeoutMs, 'in-flight cleanups').catch(() => undefined);
    }
    return failures;
  }

  async function handleSignal(signal: Signal): Promise<void> {
    if (interrupted) {
      log(`${signal} again: exiting without finishing cleanup`);
      exit(EXIT_CODES[signal]);
      return;
    }
    interrupted = true;
    log(`${signal}: cleaning up ${entries.length} resource(s) before exit`);
    const failures = await runAll(stepTimeoutMs);
    for (const f of failures) log(`cleanup "${f.name}" failed: ${f.message}`);
    for (const s of Object.keys(onSignal) as Signal[]) signals.off(s, onSignal[s]);
    listening = false;
    exit(EXIT_CODES[signal]);
  }

  return {
    register(name, fn) {
      const entry: Entry = { name, fn };
      entries.push(entry);
      if (!interrupted) updateListeners();
      return {
        name,
        run: () => runEntry(entry),
        unregister: () => forget(entry),
      };
    },
    runAll: () => runAll(),
    get pending() {
      return entries.length;
    },
  };
}

let processRegistry: CleanupRegistry | undefined;

/** The one registry of this process, bound to its signals and exit. */
export function processCleanupRegistry(): CleanupRegistry {
  processRegistry ??= createCleanupRegistry();
  return processRegistry;
}

function withTimeout(p: Promise<void>, ms: number | undefined, name: string): Promise<void> {
  if (ms === undefined) return p;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`cleanup "${name}" did not finish within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.split('\n')[0] ?? '';
}
