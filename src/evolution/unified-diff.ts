/**
 * A unified diff (`diff -u` / `git apply` format) of two texts, line by line, with three lines of
 * context. Spec source files are a few hundred lines, so the longest common subsequence is found
 * with the plain O(n·m) table, trimmed of the common head and tail first.
 */

type Op = { kind: " " | "-" | "+"; line: string };

function lines(text: string): string[] {
  const list = text.split("\n");
  if (list.at(-1) === "") list.pop();
  return list;
}

function editScript(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // lcs[i][j]: length of the LCS of x[i..] and y[j..].
  const lcs: number[][] = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Op[] = a.slice(0, head).map((line) => ({ kind: " ", line }));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      ops.push({ kind: " ", line: x[i]! });
      i++;
      j++;
    } else if (j < y.length && (i >= x.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      ops.push({ kind: "+", line: y[j++]! });
    } else {
      ops.push({ kind: "-", line: x[i++]! });
    }
  }
  for (const line of a.slice(a.length - tail)) ops.push({ kind: " ", line });
  return ops;
}

/**
 * The unified diff of `before` → `after` under the file name `label` ("" when they are equal);
 * `created`: the file is new (`--- /dev/null`, as `patch` and `git apply` create it).
 */
export function unifiedDiff(before: string, after: string, label: string, { context = 3, created = false }: { context?: number; created?: boolean } = {}): string {
  if (before === after) return "";
  const ops = editScript(lines(before), lines(after));
  const changed = ops.map((op, i) => (op.kind === " " ? -1 : i)).filter((i) => i >= 0);
  let out = `--- ${created ? "/dev/null" : `a/${label}`}\n+++ b/${label}\n`;
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = changed[k]! + context;
    while (k + 1 < changed.length && changed[k + 1]! - context <= end + 1) end = changed[++k]! + context;
    k++;
    end = Math.min(ops.length - 1, end);
    const hunk = ops.slice(start, end + 1);
    // Line numbers: count what precedes the hunk on each side.
    const before = ops.slice(0, start);
    const oldStart = before.filter((op) => op.kind !== "+").length + 1;
    const newStart = before.filter((op) => op.kind !== "-").length + 1;
    const oldLen = hunk.filter((op) => op.kind !== "+").length;
    const newLen = hunk.filter((op) => op.kind !== "-").length;
    out += `@@ -${oldLen === 0 ? oldStart - 1 : oldStart},${oldLen} +${newLen === 0 ? newStart - 1 : newStart},${newLen} @@\n`;
    out += hunk.map((op) => `${op.kind}${op.line}\n`).join("");
  }
  return out;
}
