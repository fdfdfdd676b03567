#!/usr/bin/env node
import { main } from "./cli/main.js";

// A closed pipe (`kyc-contracts scenarios | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// An empty write is still a system call on a pipe or file: skipped.
const io = {
  stdout: (text: string) => void (text === "" || process.stdout.write(text)),
  stderr: (text: string) => void (text === "" || process.stderr.write(text)),
  env: process.env,
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Anything thrown is a bug or an unusable installation; say so plainly.
    process.stderr.write(`kyc-contracts: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
