import { type IncomingHttpHeaders, request } from "node:http";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: test replies are checked field by field
  json: any;
}

/** One HTTP request over loopback; resolves with status, headers and the body (JSON parsed when it is JSON). */
export function call(
  base: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload =
      opts.body === undefined
        ? undefined
        : typeof opts.body === "string"
          ? opts.body
          : JSON.stringify(opts.body);
    const req = request(
      `${base}${path}`,
      {
        method,
        headers: {
          ...(payload !== undefined ? { "content-type": "application/json" } : {}),
          ...opts.headers,
        },
        timeout: 5_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          if (/^application\/(problem\+)?json/.test(res.headers["content-type"] ?? ""))
            json = JSON.parse(text);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`timeout ${method} ${path}`)));
    req.on("error", reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

/**
 * An open Server-Sent Events connection that collects events; `waitFor(n)` resolves once n events
 * arrived (rejects after a bounded wait).
 */
export function openSse(
  base: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; events: SseEvent[]; waitFor(n: number): Promise<SseEvent[]>; close(): void }> {
  return new Promise((resolve, reject) => {
    const events: SseEvent[] = [];
    const waiters: { n: number; done: () => void }[] = [];
    const req = request(`${base}${path}`, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      let buf = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buf += chunk;
        let i = buf.indexOf("\n\n");
        while (i >= 0) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const ev: SseEvent = { id: undefined, event: undefined, data: "" };
          let hasData = false;
          for (const line of frame.split("\n")) {
            if (line.startsWith("id: ")) ev.id = line.slice(4);
            else if (line.startsWith("event: ")) ev.event = line.slice(7);
            else if (line.startsWith("data: ")) {
              ev.data += line.slice(6);
              hasData = true;
            }
          }
          if (hasData) events.push(ev);
          i = buf.indexOf("\n\n");
        }
        for (const w of [...waiters]) if (events.length >= w.n) w.done();
      });
      resolve({
        status: res.statusCode ?? 0,
        events,
        waitFor: (n) =>
          new Promise((ok, fail) => {
            if (events.length >= n) return ok(events);
            const timer = setTimeout(() => fail(new Error(`only ${events.length} of ${n} events`)), 5_000);
            waiters.push({
              n,
              done: () => {
                clearTimeout(timer);
                ok(events);
              },
            });
          }),
        close: () => req.destroy(),
      });
    });
    req.on("error", (e) => {
      if ((e as NodeJS.ErrnoException).code !== "ECONNRESET") reject(e);
    });
    req.end();
  });
}
