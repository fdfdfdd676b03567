/**
 * The proxy's recording: HAR segments written as exchanges complete, so a crash or SIGKILL loses
 * at most the last `flushMs` of them. Each segment is a HAR opened with `harHead`, entries appended
 * through a file handle, closed with `HAR_TAIL`; `readHarFile` reads one that was never closed as
 * truncated, every complete entry included. After `segment` entries the recording continues in
 * the next file beside the first: `session.har`, `session-2.har`, `session-3.har`, …
 *
 * Memory: only the entries not yet written (at most `flushMs` worth, or `MAX_BUFFER_CHARS`).
 */
import { mkdir, open, readdir, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { harHead, HAR_TAIL, type HarEntry } from "./har.js";

export interface HarRecorderOptions {
  /** The first segment's path; later ones are named after its stem. */
  file: string;
  /** Entries per segment (default 10,000). */
  segment?: number;
  /** Creator version written in each segment. */
  version: string;
  /** Longest an entry waits in memory before it is written (default 500 ms). */
  flushMs?: number;
  /** Called when a segment is opened (the first one included), with its path and 1-based number. */
  onSegment?(file: string, number: number): void;
  /** Called when writing fails: the entries of that write are lost, and said so. */
  onError?(message: string): void;
}

export interface HarRecorder {
  add(entry: HarEntry): void;
  /** Writes what is buffered, closes the open segment properly; resolves with what was recorded. */
  close(): Promise<{ files: string[]; entries: number; lost: number }>;
}

export const DEFAULT_SEGMENT_ENTRIES = 10_000;
/** Buffered entry text that is written at once, without waiting for the timer. */
const MAX_BUFFER_CHARS = 256 * 1024;

/** The path of segment `n` (1-based): the file itself, then `<stem>-<n><ext>` beside it. */
export function segmentPath(file: string, n: number): string {
  if (n === 1) return file;
  const ext = path.extname(file) || ".har";
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}-${n}${ext}`);
}

/** The files of an earlier recording at `file` (its first segment and any `<stem>-<n><ext>` beside it). */
async function earlierSegments(file: string): Promise<string[]> {
  const ext = path.extname(file);
  const stem = path.basename(file, ext);
  const segment = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-\\d+${(ext || ".har").replace(".", "\\.")}$`);
  try {
    const names = (await readdir(path.dirname(file), { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    return names.filter((name) => name === path.basename(file) || segment.test(name)).sort();
  } catch {
    return [];
  }
}

/** What to do about a recording path that cannot be written. */
function cannotWrite(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EISDIR") return `cannot write the recording ${file}: it is a folder. Give a file name inside it, e.g. ${path.join(file, "session.har")}.`;
  if (code === "ENOTDIR" || code === "EEXIST") return `cannot write the recording ${file}: part of its folder path is a file, not a folder. Choose a path in a folder.`;
  if (code === "EACCES" || code === "EPERM") return `cannot write the recording ${file}: no permission. Choose a folder you can write to.`;
  return `cannot write the recording ${file}: ${code ?? (error as Error).message}. Choose a path in a writable folder.`;
}

/**
 * Opens the first segment (so a path that cannot be written is a failure before the proxy starts).
 * The folder is created when missing; an earlier recording at the same path is never overwritten
 * (its segments would mix with this one's when the folder is checked).
 */
export async function openHarRecorder(options: HarRecorderOptions): Promise<{ ok: true; recorder: HarRecorder } | { ok: false; message: string }> {
  const perSegment = options.segment ?? DEFAULT_SEGMENT_ENTRIES;
  const flushMs = options.flushMs ?? 500;
  const files: string[] = [];
  let handle: FileHandle;
  const openSegment = async (n: number): Promise<FileHandle> => {
    const file = segmentPath(options.file, n);
    const h = await open(file, "w");
    await h.write(harHead(options.version));
    files.push(file);
    options.onSegment?.(file, n);
    return h;
  };
  const earlier = await earlierSegments(options.file);
  if (earlier.length > 0) {
    return { ok: false, message: `${path.dirname(options.file)} already holds a recording at that name (${earlier.join(", ")}); move it away or choose another --record path, so no recording is overwritten.` };
  }
  try {
    await mkdir(path.dirname(options.file), { recursive: true });
    handle = await openSegment(1);
  } catch (error) {
    return { ok: false, message: cannotWrite(options.file, error) };
  }

  let segments = 1;
  let inSegment = 0;
  let entries = 0;
  let lost = 0;
  let buffer: string[] = [];
  let bufferedEntries = 0;
  let bufferedChars = 0;
  let timer: NodeJS.Timeout | undefined;
  // Writes happen one after another, in order.
  let writing: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>, count: number): void => {
    writing = writing.then(step).catch((error: unknown) => {
      lost += count;
      options.onError?.(`recording: could not write ${count} exchange(s) to ${files.at(-1)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}; they are not in the recording.`);
    });
  };
  /** Queues the buffered text; it goes to whichever segment is open when the queue reaches it (the writes before it, a segment change included, are done by then). */
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
    const text = buffer.join("");
    const count = bufferedEntries;
    buffer = [];
    bufferedEntries = 0;
    bufferedChars = 0;
    enqueue(async () => void (await handle.write(text)), count);
  };
  const roll = (): void => {
    flush();
    segments++;
    const next = segments;
    enqueue(async () => {
      await handle.write(HAR_TAIL);
      await handle.close();
      handle = await openSegment(next);
    }, 0);
    inSegment = 0;
  };

  return {
    ok: true,
    recorder: {
      add(entry) {
        if (inSegment === perSegment) roll();
        const text = `${inSegment === 0 ? "" : ",\n"}${JSON.stringify(entry)}`;
        inSegment++;
        entries++;
        buffer.push(text);
        bufferedEntries++;
        bufferedChars += text.length;
        if (bufferedChars >= MAX_BUFFER_CHARS) flush();
        else timer ??= setTimeout(flush, flushMs).unref();
      },
      async close() {
        flush();
        await writing;
        await handle.write(HAR_TAIL).catch(() => undefined);
        await handle.close();
        return { files: [...files], entries: entries - lost, lost };
      },
    },
  };

}
