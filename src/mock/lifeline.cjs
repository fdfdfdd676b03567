/**
 * Preloaded (`node --require`) into every Prism process that `startMocks` spawns. The parent
 * hands the child one end of a socket pair on fd 3, and two things travel over it:
 *
 * - Parent → child: nothing, ever. When the parent process ends for any reason (stop(), a crash,
 *   SIGKILL), the kernel closes its end, this end sees end-of-file, and Prism exits with it
 *   instead of living on as an orphan.
 * - Child → parent: one JSON line `{"listening":<port>,"address":"<ip>"}` each time a server in
 *   this process starts listening (Node's `net.server.listen` tracing channel, Node ≥ 20.16).
 *   That is how the parent knows the port is held by the Prism it started, and not by some other
 *   program that answers HTTP there.
 *
 * Does nothing unless KYC_MOCK_LIFELINE_FD names the descriptor, so loading it elsewhere is
 * harmless. Plain CommonJS (not TypeScript) so the same file works from src/ and from dist/.
 */
"use strict";
const { Socket } = require("node:net");
const diagnostics = require("node:diagnostics_channel");

const fd = Number(process.env.KYC_MOCK_LIFELINE_FD);
if (Number.isInteger(fd) && fd > 2) {
  delete process.env.KYC_MOCK_LIFELINE_FD;
  const lifeline = new Socket({ fd, readable: true, writable: true });
  const parentGone = () => process.exit(0);
  lifeline.on("end", parentGone);
  lifeline.on("close", parentGone);
  lifeline.on("error", parentGone);
  lifeline.resume();
  // Prism's own server keeps the process alive; the lifeline must not.
  lifeline.unref();
  diagnostics.subscribe("tracing:net.server.listen:asyncEnd", ({ server }) => {
    const address = server.address();
    if (address !== null && typeof address === "object") lifeline.write(`${JSON.stringify({ listening: address.port, address: address.address })}\n`);
  });
}
