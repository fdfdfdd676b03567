/** How long-running commands (`mock`, `proxy`, `webhook-receiver`) learn that the user wants them to stop. */

/** How often the command checks whether the process that started it is still there. */
const PARENT_POLL_MS = 500;

/**
 * Resolves with the first of SIGINT, SIGTERM or SIGHUP (a second one then ends the process as
 * usual), or when the process that started this one exits: `npm start` killed with SIGTERM
 * takes its shell down but not this process, which would otherwise keep its servers running.
 */
export function waitForSignal(): Promise<string> {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const parent = process.ppid;
  return new Promise((resolve) => {
    const done = (reason: string): void => {
      for (const s of signals) process.off(s, done);
      clearInterval(watch);
      resolve(reason);
    };
    for (const s of signals) process.on(s, done);
    const watch = setInterval(() => process.ppid !== parent && done(`the parent process (${parent}) exited`), PARENT_POLL_MS);
  });
}
