/**
 * `kyc-contracts webhook-receiver`: the receiver check (src/webhooks/receiver.ts) over node:http,
 * printing each delivery as it arrives and a summary when stopped.
 */
import { serveFetchHandler, type TwinServer } from "../twin/node-server.js";
import { isProviderSlug, providers, providerSlugs } from "../providers.js";
import { createMyazaWebhookReceiver, type ReceivedDelivery, type ReceiverSummary } from "../webhooks/receiver.js";
import { type Command, parseCommandArgs, usageError } from "./command.js";
import { waitForSignal } from "./signals.js";

const DEFAULT_RECEIVER_PORT = 4020;
/** Providers whose spec documents webhooks (the others' are absent or unspecified in the sources). */
const WEBHOOK_PROVIDERS = ["myaza"] as const;

export const webhookReceiverCommand: Command = {
  name: "webhook-receiver",
  summary: "Receive webhook deliveries and check each against the spec, until Ctrl+C",
  help: `Usage: kyc-contracts webhook-receiver --provider myaza --secret-env NAME [--port N] [--host ADDR]

Listens for webhook deliveries (POST, any path) and checks each one against the provider's
spec as it arrives:
  signature        X-Myaza-Signature is sha256=<hex HMAC-SHA256 of the raw body> with the secret
  headers          X-Myaza-Event, X-Myaza-Delivery, User-Agent as the spec documents them
  event-header     X-Myaza-Event names the body's event
  json, event      the body is JSON and names a documented event
  schema           the body matches that event's schema
  event-status     the event agrees with data.status (verification.completed ↔ verified, …)
  duplicate-delivery  no X-Myaza-Delivery id is delivered twice
  content-type, method, body-size
It prints ✓ or ✗ per delivery with every violation, answers 200 (conformant) or 4xx with the
violations as JSON, and prints a summary when stopped (Ctrl+C, SIGTERM, SIGHUP).
Personal data (idNumber, userData) is masked in all output; the secret is never printed.

Point the sender (e.g. the Myaza twin, or a staging endpoint through a tunnel) at the URL it
prints.

Options:
  --provider <slug>   whose webhooks to check: ${WEBHOOK_PROVIDERS.join(", ")} (the only spec with webhooks)
  --secret-env NAME   environment variable that holds the endpoint's signing secret (required)
  --port N            port to listen on (default ${DEFAULT_RECEIVER_PORT}; 0 picks a free port)
  --host ADDR         interface to listen on (default 127.0.0.1)
  -h, --help          show this help

Exit codes: 0 stopped with every delivery conformant (or none received), 1 a delivery broke the
contract, 2 usage or configuration error (provider, secret, port in use).
`,
  async run(argv, io) {
    const args = parseCommandArgs(io, "webhook-receiver", {
      args: argv,
      options: { provider: { type: "string" }, "secret-env": { type: "string" }, port: { type: "string" }, host: { type: "string" } },
      strict: true,
      allowPositionals: false,
    });
    if (!args.ok) return args.code;
    const { values } = args.parsed;
    const fail = (message: string): 2 => usageError(io, "webhook-receiver", message);

    const provider = values.provider;
    if (provider === undefined) return fail("--provider is required (e.g. --provider myaza).");
    if (!isProviderSlug(provider)) return fail(`unknown provider "${provider}"; choose from ${providerSlugs.join(", ")}.`);
    if (!(WEBHOOK_PROVIDERS as readonly string[]).includes(provider)) {
      return fail(`${providers[provider].name}'s spec documents no webhooks to check; webhook-receiver supports ${WEBHOOK_PROVIDERS.join(", ")}.`);
    }
    const secretEnv = values["secret-env"];
    if (secretEnv === undefined) return fail("--secret-env NAME is required: the environment variable that holds the signing secret (the secret itself never goes on the command line).");
    const secret = io.env[secretEnv];
    if (secret === undefined || secret.length === 0) return fail(`the environment variable ${secretEnv} is ${secret === undefined ? "not set" : "empty"}; set it to the endpoint's signing secret.`);
    let port = DEFAULT_RECEIVER_PORT;
    if (values.port !== undefined) {
      if (!/^\d+$/.test(values.port) || Number(values.port) > 65_535) return fail(`--port must be a number from 0 to 65535, got "${values.port}".`);
      port = Number(values.port);
    }
    const host = values.host ?? "127.0.0.1";

    const receiver = createMyazaWebhookReceiver({ secret, onDelivery: (d) => io.stdout(formatDelivery(d)) });
    let server: TwinServer;
    try {
      server = await serveFetchHandler(receiver.handle, { host, port });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === "EADDRINUSE" || code === "EACCES" ? `is not available (${code}). Pick another with --port.` : `cannot be listened on: ${(error as Error).message}`;
      io.stderr(`kyc-contracts webhook-receiver: Port ${port} on ${host} ${why}\n`);
      return 2;
    }
    io.stdout(
      `Checking ${providers[provider].name} webhook deliveries at ${server.url}/ (POST, any path); secret from $${secretEnv}.\n` +
        `Personal data (idNumber, userData) is masked. Press Ctrl+C for the summary.\n`,
    );
    const signal = await (io.waitForStop ?? waitForSignal)();
    await server.close();
    const summary = receiver.summary();
    io.stdout(`\n${signal}: stopped.\n${formatSummary(summary)}`);
    return summary.failed > 0 ? 1 : 0;
  },
};

/** One delivery as printed: a ✓/✗ line, then one line per violation. */
function formatDelivery(d: ReceivedDelivery): string {
  const what = [d.event ?? "(no event)", d.deliveryId ? `delivery ${d.deliveryId}` : "(no delivery id)", d.verificationId].filter(Boolean).join("  ");
  const head = `${d.violations.length === 0 ? "✓" : "✗"} #${d.seq} ${d.method} ${d.path}  ${what}  → ${d.responseStatus}\n`;
  return head + d.violations.map((v) => `    ${v.check}: ${v.message}\n`).join("");
}

export function formatSummary(s: ReceiverSummary): string {
  if (s.deliveries === 0) return "No deliveries received.\n";
  const lines = [`${s.deliveries} deliver${s.deliveries === 1 ? "y" : "ies"}: ${s.passed} conformant, ${s.failed} with violations.`];
  const checks = Object.entries(s.violationsByCheck).sort(([a], [b]) => a.localeCompare(b));
  if (checks.length > 0) {
    const width = Math.max(...checks.map(([c]) => c.length));
    lines.push("Violations by check:", ...checks.map(([check, n]) => `  ${check.padEnd(width)}  ${n}`));
  }
  return `${lines.join("\n")}\n`;
}
