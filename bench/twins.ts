/** A twin in its own process (twin-server.ts), for load runs: the counterpart of replay.ts's raw server. */
import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ProviderSlug } from "../src/providers.js";
import type { TwinFixtures } from "../src/twin/index.js";
import type { Cleanup } from "./cleanup.js";
import type { TwinServerMessage } from "./twin-server.js";

const serverFile = path.join(path.dirname(fileURLToPath(import.meta.url)), "twin-server.ts");

export interface TwinProcess {
  url: string;
  stop(): Promise<void>;
}

export function startTwinProcess(slug: ProviderSlug, fixtures: TwinFixtures, cleanup: Cleanup): Promise<TwinProcess> {
  const child = fork(serverFile, [], { execArgv: ["--import", "tsx"], cwd: path.dirname(serverFile), stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const unregister = cleanup.add(`${slug} twin (pid ${child.pid})`, stop);
  return new Promise((resolve, reject) => {
    child.once("message", (m: { url: string }) =>
      resolve({
        url: m.url,
        stop: async () => {
          await stop();
          unregister();
        },
      }),
    );
    child.once("exit", (code, signal) => reject(new Error(`The ${slug} twin exited before listening (code ${code}, signal ${signal}); see its output above.`)));
    child.send({ slug, fixtures } satisfies TwinServerMessage);
  });
}
