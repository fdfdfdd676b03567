/**
 * `kyc-status-contracts/mock`: Prism mock servers of the four providers, from the specs.
 *
 *     const mocks = await startMocks({ providers: ["myaza"] });
 *     await fetch(`${mocks.urls.myaza}/api/kyc/status/ver_1`, { headers: { Authorization: "Bearer pk_test_x" } });
 *     await mocks.stop();
 */
export { startMocks, MockError, type StartMocksOptions, type RunningMocks, type MockErrorCode } from "./start-mocks.js";
export { exampleRequest, toCurl, type ExampleRequest } from "./example-request.js";
