import type { Api } from "./api";
import { backoffDelay } from "./lib/backoff";

export type ConnectionState = "connecting" | "connected" | "reconnecting";

/**
 * The edge's live stream (`GET /api/stream`, SSE, `event: reading`). One connection for the whole app;
 * when the edge is unreachable it reconnects with capped exponential backoff and says so. A stream that
 * stays silent longer than `staleMs` is treated as broken and reopened.
 */
export interface LiveStream {
  subscribe(fn: (reading: unknown) => void): () => void;
  onState(fn: (state: ConnectionState, detail: string) => void): () => void;
  readonly state: ConnectionState;
  close(): void;
}

export function createLiveStream(edge: Api, staleMs = 30_000): LiveStream {
  const readers = new Set<(r: unknown) => void>();
  const watchers = new Set<(s: ConnectionState, d: string) => void>();
  let state: ConnectionState = "connecting";
  let es: EventSource | null = null;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let lastMessage = Date.now();
  let closed = false;

  const setState = (s: ConnectionState, detail: string) => {
    state = s;
    for (const w of watchers) w(s, detail);
  };

  const scheduleReconnect = () => {
    es?.close();
    es = null;
    if (closed) return;
    const delay = backoffDelay(attempt++);
    setState("reconnecting", `edge unreachable, retrying in ${Math.ceil(delay / 1000)} s`);
    clearTimeout(retry);
    retry = setTimeout(connect, delay);
  };

  function connect(): void {
    if (closed) return;
    const token = edge.token();
    const src = new EventSource(edge.url("/api/stream", token ? { access_token: token } : {}));
    es = src;
    src.onopen = () => {
      attempt = 0;
      lastMessage = Date.now();
      setState("connected", "live");
    };
    src.addEventListener("reading", (e) => {
      lastMessage = Date.now();
      let data: unknown;
      try {
        data = JSON.parse((e as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const r of readers) r(data);
    });
    src.onerror = () => {
      if (es === src) scheduleReconnect();
    };
  }

  const watchdog = setInterval(() => {
    if (state === "connected" && Date.now() - lastMessage > staleMs) scheduleReconnect();
  }, 5_000);

  connect();
  return {
    get state() {
      return state;
    },
    subscribe(fn) {
      readers.add(fn);
      return () => readers.delete(fn);
    },
    onState(fn) {
      watchers.add(fn);
      fn(state, state === "connected" ? "live" : "connecting");
      return () => watchers.delete(fn);
    },
    close() {
      closed = true;
      clearTimeout(retry);
      clearInterval(watchdog);
      es?.close();
    },
  };
}
