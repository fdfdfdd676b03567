/**
 * Preloaded (`node --require`) into every Prism process that `startMocks` spawns. The parent
 * hands the child the read end of a pipe on fd 3 and never writes to it; when the parent
 * process ends for any reason (stop(), a crash, SIGKILL), the kernel closes the write end, the
 * read end sees end-of-file, and Prism exits with it instead of living on as an orphan.
 *
 * Does nothing unless KYC_MOCK_LIFELINE_FD names the descriptor, so loading it elsewhere is
 * harmless. Plain CommonJS (not TypeScript) so the same file works from src/ and from dist/.
 */
"use strict";
const { Socket } = require("node:net");

const fd = Number(process.env.KYC_MOCK_LIFELINE_FD);
if (Number.isInteger(fd) && fd > 2) {
  delete process.env.KYC_MOCK_LIFELINE_FD;
  const lifeline = new Socket({ fd, readable: true, writable: false });
  const parentGone = () => process.exit(0);
  lifeline.on("end", parentGone);
  lifeline.on("close", parentGone);
  lifeline.on("error", parentGone);
  lifeline.resume();
  // Prism's own server keeps the process alive; the lifeline must not.
  lifeline.unref();
}
