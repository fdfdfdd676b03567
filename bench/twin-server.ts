/**
 * Child process: one provider's twin behind its node:http transport (`startTwins`), in its own
 * process like Prism and the raw replay server. Started by twins.ts over IPC; exits when the
 * IPC channel closes, i.e. when the bench process is gone. The twin is the built package
 * (dist/src/twin, what `npm run bench` builds and what users run), not the TypeScript sources.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ProviderSlug } from "../src/providers.js";
import { packageRoot } from "../src/spec/index.js";
import type { startTwins as StartTwins, TwinFixtures } from "../src/twin/index.js";

if (!process.send) throw new Error("twin-server.ts is started by bench/twins.ts (with an IPC channel), not directly.");

export interface TwinServerMessage {
  slug: ProviderSlug;
  fixtures: TwinFixtures;
}

const builtTwin = pathToFileURL(path.join(packageRoot(), "dist", "src", "twin", "index.js")).href;
const { startTwins } = (await import(builtTwin)) as { startTwins: typeof StartTwins };

process.once("message", (message: TwinServerMessage) => {
  void startTwins({ providers: [message.slug], fixtures: message.fixtures }).then((running) => process.send!({ url: running.urls[message.slug] }));
});
process.on("disconnect", () => process.exit(0));
