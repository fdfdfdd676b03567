/** Just enough of a curl command line to replay it with fetch: URL, -X and -H. */
export interface CurlRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
}

function tokenize(line: string): string[] {
  const tokens: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of line.replace(/\\\n/g, " ").matchAll(re)) tokens.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : (m[2] ?? m[3] ?? ""));
  return tokens;
}

export function parseCurl(command: string): CurlRequest {
  const [curl, ...args] = tokenize(command);
  if (curl !== "curl") throw new Error(`not a curl command: ${command}`);
  let url: URL | undefined;
  let method = "GET";
  const headers: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-H" || arg === "--header") {
      const header = args[++i] ?? "";
      const colon = header.indexOf(":");
      headers[header.slice(0, colon).trim()] = header.slice(colon + 1).trim();
    } else if (arg === "-X" || arg === "--request") {
      method = args[++i] ?? method;
    } else if (arg.startsWith("-")) {
      throw new Error(`curl option ${arg} is not supported here: ${command}`);
    } else {
      url = new URL(arg);
    }
  }
  if (!url) throw new Error(`no URL in ${command}`);
  return { url, method, headers };
}

/** The same request against `base` (scheme, host and port replaced; path and query kept). */
export function rebase(request: CurlRequest, base: string): string {
  return new URL(`${request.url.pathname}${request.url.search}`, base).toString();
}
