/**
 * Everything the bench starts (Prism mocks, replay servers, conform runs) registers how to stop
 * it here; `main` runs the registry in a `finally` and on SIGINT/SIGTERM, so nothing is left
 * running after a failure or Ctrl+C. (Prism and the replay servers also exit on their own when
 * the bench process dies, even by SIGKILL: see src/mock/lifeline.cjs and replay-server.ts.)
 */
export type StopFn = () => Promise<void> | void;

export class Cleanup {
  readonly #tasks = new Map<number, { what: string; stop: StopFn }>();
  #next = 0;

  /** Registers `stop`; call the returned function once it has been stopped the normal way. */
  add(what: string, stop: StopFn): () => void {
    const id = this.#next++;
    this.#tasks.set(id, { what, stop });
    return () => this.#tasks.delete(id);
  }

  get pending(): string[] {
    return [...this.#tasks.values()].map((t) => t.what);
  }

  /** Stops everything still registered, newest first; returns what failed to stop. */
  async stopAll(): Promise<string[]> {
    const tasks = [...this.#tasks.entries()].reverse();
    this.#tasks.clear();
    const failed: string[] = [];
    for (const [, task] of tasks) {
      try {
        await task.stop();
      } catch (error) {
        failed.push(`${task.what}: ${(error as Error).message}`);
      }
    }
    return failed;
  }
}

/** Runs `body` with a fresh registry; stops what is left afterwards, also on SIGINT/SIGTERM (then exits 130/143). */
export async function withCleanup<T>(body: (cleanup: Cleanup) => Promise<T>, log: (line: string) => void): Promise<T> {
  const cleanup = new Cleanup();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (interrupted) process.exit(signal === "SIGINT" ? 130 : 143); // a second Ctrl+C: stop waiting
    interrupted = true;
    log(`\n${signal}: stopping ${cleanup.pending.length} server(s) and run(s) the bench started…`);
    void cleanup.stopAll().then((failed) => {
      for (const f of failed) log(`could not stop ${f}`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await body(cleanup);
  } finally {
    const failed = await cleanup.stopAll();
    for (const f of failed) log(`could not stop ${f}`);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
