/**
 * `kyc-status-contracts/twin`: provider twins — stateful mocks that answer the way each provider
 * does, with bodies built from the specs' named examples.
 *
 *     const running = await startTwins({ fixtures: "test/kyc-fixtures.yaml" });
 *     // point your code at running.urls.myaza …
 *     running.twins.myaza.set("ver_new", { organization: "acme", status: "pending" });
 *     await running.stop();
 */
export { startTwins, type StartTwinsOptions, type RunningTwins } from "./start-twins.js";
export { createTwin, createTwins } from "./create-twin.js";
export { TwinError, TwinFixturesError, type Twin, type TwinAnswer, type TwinRequestLike, type TwinClock, type TwinErrorCode, type TwinRequestRecord, type CreateTwinOptions } from "./engine.js";
export { DEFAULT_TWIN_CORS, type TwinCors } from "./cors.js";
export { serveHandler as serveTwin, type TwinServer, type ServeOptions } from "./node-server.js";
export { loadFixturesFile } from "./load-fixtures.js";
export type { TwinWebhookDelivery, MyazaWebhookTarget } from "./webhooks.js";
export { checkFixtures, fixturesSchema, type CheckFixturesOptions, type FixturesCheck, type FixtureProblem } from "./validate-fixtures.js";
export { defaultFixtures, DEFAULT_CREDENTIALS, DEFAULT_IDS } from "./defaults.js";
export type {
  TwinFixtures,
  TwinFixtureMap,
  TwinFault,
  TwinStep,
  ProofFixtures,
  BtcDirectFixtures,
  NyotaImaraFixtures,
  MyazaFixtures,
  ProofRecord,
  BtcDirectRecord,
  NyotaImaraRecord,
  MyazaRecord,
} from "./fixtures.js";
