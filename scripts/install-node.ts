/**
 * Installs a pinned Node.js for the CI matrix (see node-versions.ts) and prints its `bin`
 * directory on stdout, for `PATH="$(…):$PATH"`. Progress and errors go to stderr.
 *
 * Usage: tsx scripts/install-node.ts --list        the pinned versions, one a line
 *        tsx scripts/install-node.ts <x.y.z>       install (or reuse) one; exit 1 if it fails
 */
import { PINNED_NODE_VERSIONS, installNode, nodeCacheDir } from "./node-versions.js";

const [arg] = process.argv.slice(2);
if (arg === undefined || arg === "--help" || arg === "-h") {
  console.error("Usage: tsx scripts/install-node.ts --list | <x.y.z>");
  process.exitCode = arg === undefined ? 2 : 0;
} else if (arg === "--list") {
  console.log(PINNED_NODE_VERSIONS.join("\n"));
} else {
  const dir = nodeCacheDir(arg);
  console.error(`install-node: Node ${arg} in ${dir} …`);
  const result = await installNode(arg, dir);
  if (result.ok) {
    console.error(`install-node: Node ${arg} ${result.reused ? "already installed" : "installed"}.`);
    console.log(result.binDir);
  } else {
    console.error(`install-node: ${result.message}`);
    process.exitCode = 1;
  }
}
