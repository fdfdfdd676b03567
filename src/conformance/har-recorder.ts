/**
 * The proxy's recording: HAR segments written as exchanges complete, so a crash or SIGKILL loses
 * at most the last `flushMs` of them. Each segment is a HAR opened with `harHead`, entries appended
 * through a file handle, closed with `HAR_TAIL`; `readHarFile` reads one that was never closed as
 * truncated, every complete entry included. After `segment` entries the recording continues in
 * the next file beside the first: `session.har`, `session-2.har`, `session-3.har`, …
 *
 * Memory: only the entries not yet written (at most `flushMs` worth, or `MAX_BUFFER_CHARS`).
 */
import { open, type FileHandle } from "node:fs/promises";
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

/** Opens the first segment (so a path that cannot be written is a failure before the proxy starts). */
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
  try {
    handle = await openSegment(1);
  } catch (error) {
    return { ok: false, message: `cannot write the recording ${options.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` };
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
