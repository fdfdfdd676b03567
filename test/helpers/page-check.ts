/**
 * What a reader's browser reports while a page loads, and what the reader sees. Used by the
 * docs browser test; every check returns the problems it found (empty: all good) so a failing
 * assertion prints all of them at once.
 */
import type { Page } from "playwright-core";

/** Requests that stay on this machine: the static server itself, and in-page data/blob URLs. */
export function isLocalUrl(url: string, origin: string): boolean {
  return url === origin || url.startsWith(`${origin}/`) || /^(data|blob|about):/.test(url);
}

export interface PageWatch {
  /** Console errors, uncaught exceptions, failed or non-local requests and HTTP errors seen so far. */
  problems(): string[];
}

export function watchPage(page: Page, origin: string): PageWatch {
  const found: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") found.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => found.push(`uncaught exception: ${e.message}`));
  page.on("request", (r) => {
    if (!isLocalUrl(r.url(), origin)) found.push(`external request: ${r.url()}`);
  });
  page.on("requestfailed", (r) => found.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? "unknown"})`));
  page.on("response", (r) => {
    if (r.status() >= 400) found.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { problems: () => [...found] };
}

export const normalizeSpace = (text: string): string => text.replace(/\s+/g, " ").trim();

/** The expected texts that do not occur in `text` (whitespace-insensitive). */
export function missingTexts(text: string, expected: Iterable<string>): string[] {
  const haystack = normalizeSpace(text);
  return [...expected].filter((e) => !haystack.includes(normalizeSpace(e)));
}

/** Every visible table row of the page, as the normalized text of its cells. */
export function tableRows(page: Page): Promise<string[][]> {
  return page.locator("table tr").evaluateAll((rows) =>
    rows
      .filter((r) => (r as HTMLElement).offsetParent !== null)
      .map((r) => [...r.querySelectorAll("th, td")].map((c) => (c as HTMLElement).innerText.replace(/\s+/g, " ").trim())),
  );
}

/** The expected rows (each given by cells it must contain, in any column) found in no table row. */
export function missingRows(rows: readonly (readonly string[])[], expected: readonly (readonly string[])[]): string[] {
  return expected
    .filter((cells) => !rows.some((row) => cells.every((c) => c === "" || row.includes(normalizeSpace(c)))))
    .map((cells) => `no table row with ${cells.map((c) => JSON.stringify(c)).join(", ")}`);
}
