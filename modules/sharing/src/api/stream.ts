import type { StoredReading } from "../store";
import type { ApiDeps } from "./deps";
import { sseFrame } from "./live";
import { intParam, stringParam } from "./params";
import type { RequestContext } from "./router";

/** At most this many readings are replayed on resumption. */
export const MAX_REPLAY = 10_000;
const HEARTBEAT_MS = 15_000;
/** A client that stops reading is dropped once this much is buffered for it. */
const MAX_BUFFERED = 4 * 1_048_576;

/**
 * The resume point: the `Last-Event-ID` header, else the `lastEventId` query parameter; an error names
 * the one the client used.
 */
export function lastEventIdParam(
  header: string | string[] | undefined,
  q: URLSearchParams,
): number | undefined {
  const fromHeader = Array.isArray(header) ? header[0] : header;
  const [name, raw] =
    fromHeader !== undefined ? ["Last-Event-ID", fromHeader] : ["lastEventId", q.get("lastEventId") ?? ""];
  if (raw === "") return undefined;
  return intParam(new URLSearchParams({ [name]: raw }), name, 0, 0, Number.MAX_SAFE_INTEGER);
}

/**
 * `GET /api/stream`: Server-Sent Events, one `reading` event per stored reading, `id:` its sequence
 * number. `Last-Event-ID` (header, or `lastEventId` query for clients that cannot set it) replays what
 * came after that id from the in-memory ring or, when older, from the store, then continues live.
 */
export function handleStream({ req, res, url }: RequestContext, deps: ApiDeps): void {
  const q = url.searchParams;
  const meterId = stringParam(q, "meterId");
  const last = lastEventIdParam(req.headers["last-event-id"], q);

  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  res.write("retry: 3000\n\n");

  let sent = last ?? deps.store.readings.maxSeq();
  const deliver = (r: StoredReading) => {
    if (r.seq <= sent || (meterId !== undefined && r.reading.meterId !== meterId)) return;
    sent = r.seq;
    res.write(sseFrame(r.seq, r.reading));
    if (res.writableLength > MAX_BUFFERED) res.destroy();
  };
  if (last !== undefined) {
    const backlog = deps.feed.since(last) ?? deps.store.readings.after(last, MAX_REPLAY);
    for (const r of backlog) deliver(r);
  }
  // Subscribing in the same tick as the backlog read: nothing published in between is missed.
  const unsubscribe = deps.feed.subscribe({ push: deliver });
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    unsubscribe();
  };
  res.on("close", stop);
  req.on("close", stop);
}
