/**
 * `kyc-status-contracts/vitest`: importing it adds `toSatisfyContract(provider?)` to vitest's
 * `expect`.
 *
 *     import "kyc-status-contracts/vitest";
 *     expect(twin.requests()[0]).toSatisfyContract();            // an exchange, a journal entry
 *     await expect(await fetch(url, init)).toSatisfyContract();  // a fetch Response (its url is the path)
 *     await expect({ request, response }).toSatisfyContract("myaza");
 *
 * The provider is detected from the request path when left out. A failure lists every violation
 * (check, pointer, expected, actual); `.not` works. vitest is an optional peer dependency.
 */
import { expect } from "vitest";
import type { ProviderSlug } from "../providers.js";
import { isResponseLike, judgeExchange, judgeResponse, type ContractResponse, type ContractVerdict } from "./contract.js";

export type { ContractExchange, ContractResponse, ContractVerdict } from "./contract.js";

/** The matcher as `expect.extend` takes it (importing this module has already registered it). */
export function toSatisfyContract(this: { isNot: boolean }, received: unknown, provider?: ProviderSlug): { pass: boolean; message: () => string } | Promise<{ pass: boolean; message: () => string }> {
  const toResult = (verdict: ContractVerdict) => ({ pass: verdict.pass, message: () => verdict.message(this.isNot) });
  return isResponseLike(received) ? judgeResponse(received, provider).then(toResult) : toResult(judgeExchange(received, provider));
}

expect.extend({ toSatisfyContract });

/** `toSatisfyContract` as it appears on `expect(…)`: awaited for a Response, synchronous for an exchange. */
export interface ContractMatchers<R = unknown> {
  /**
   * Passes when the exchange satisfies `provider`'s contract (detected from the request path
   * when left out): documented operation and status, content type, headers, body schema and the
   * semantic checks. A `Response` or `{ request, response }` is read from a clone: `await` it.
   */
  toSatisfyContract: (provider?: ProviderSlug) => R;
}

/** Whether `expect(x)` needs an `await` before `toSatisfyContract`. */
export type ContractMatcherResult<T> = T extends Response | ContractResponse ? Promise<void> : void;

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type -- must repeat vitest's own declaration `Assertion<T = any>` to merge with it
  interface Assertion<T = any> extends ContractMatchers<ContractMatcherResult<T>> {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds the asymmetric `expect.toSatisfyContract()`
  interface AsymmetricMatchersContaining extends ContractMatchers {}
}
