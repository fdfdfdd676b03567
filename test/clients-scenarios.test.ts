/**
 * Every named example of every documented response, served to the client as the provider would
 * send it: each gives a well-formed result, with the state or error its example says.
 * Expectations are read from the examples, not listed here.
 */
import { describe, it } from "vitest";
import { providerSlugs } from "../src/index.js";
import { injected, walkExamples } from "./helpers/client-examples.js";

// (the same walk through the Prism mocks is in mock-server.test.ts, on the mocks it runs)
describe.each(providerSlugs)("%s: every documented response through the client", (slug) => {
  it("gives the example's state, or an http error with the example's code", () => walkExamples(slug, injected));
});
