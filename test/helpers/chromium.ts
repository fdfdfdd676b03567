/**
 * Debian's headless Chromium through playwright-core, with a fresh profile, and every request
 * that would leave this machine aborted before it is sent (and reported by `watchPage`).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { isLocalUrl } from "./page-check.js";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

export const chromiumInstalled = (): boolean => existsSync(CHROMIUM_PATH);

export interface ChromiumSession {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium allowing requests to `origin` (and any `others`) only. */
export async function launchChromium(origin: string, ...others: string[]): Promise<ChromiumSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "kyc-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS });
    await context.route((url) => ![origin, ...others].some((allowed) => isLocalUrl(url.href, allowed)), (route) => route.abort("blockedbyclient"));
    return {
      context,
      close: async () => {
        try {
          await context.close();
        } finally {
          rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
