import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/cloudhost/body";
import { get, startTestHost, type TestHost } from "./helpers";

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => host.close());

interface Answer {
  status: number;
  type: string;
  connection: string;
  // biome-ignore lint/suspicious/noExplicitAny: a problem document, inspected field by field
  body: any;
  /** Body bytes the client had written when the answer's headers arrived. */
  sentWhenAnswered: number;
}

const MiB = 1024 * 1024;
const chunk = Buffer.alloc(MiB, 0x20); // 1 MiB of spaces

/**
 * A real node:http client. `declare` sets Content-Length; `send` is how many MiB the client writes
 * (it stops writing as soon as an answer arrives, as curl does, and never writes more than `send`).
 * `end` false: the request is never finished, so only an early answer can complete this call.
 */
function post(p: string, opts: { declare?: number; send: number; end: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const u = new URL(p, host.url);
    let sent = 0;
    let answered = false;
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: p.startsWith("/api/meters") ? "PUT" : "POST",
        headers: {
          "content-type": "application/json",
          ...(opts.declare !== undefined ? { "content-length": String(opts.declare) } : {}),
        },
      },
      (res) => {
        answered = true;
        const sentWhenAnswered = sent;
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers["content-type"]),
            connection: String(res.headers.connection),
            body: JSON.parse(Buffer.concat(parts).toString("utf8")),
            sentWhenAnswered,
          }),
        );
      },
    );
    // Write errors after the answer (the server closed a connection whose body it refused) are expected.
    req.on("error", (err) => {
      if (!answered) reject(err);
    });
    const pump = (): void => {
      while (!answered && sent < opts.send * MiB) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once("drain", pump);
          return;
        }
      }
      if (opts.end && !answered) req.end();
    };
    req.flushHeaders();
    pump();
  });
}

function expectProblem413(a: Answer, path: string): void {
  expect(a.status).toBe(413);
  expect(a.type).toBe("application/problem+json");
  expect(a.connection).toBe("close");
  expect(a.body).toMatchObject({ status: 413, title: "Content Too Large", instance: path });
  expect(a.body.type).toEqual(expect.any(String));
  expect(a.body.detail).toContain(String(MAX_BODY_BYTES));
}

describe("request bodies over 16 MiB", () => {
  it("a 17 MiB ingest body gets 413 problem+json, and the host serves the next request", async () => {
    const a = await post("/runtime/ingest", { declare: 17 * MiB, send: 17, end: true });
    expectProblem413(a, "/runtime/ingest");
    const next = await get(host, "/api/health");
    expect(next.status).toBe(200);
  });

  it("a declared Content-Length over the limit is refused before any body byte is sent", async () => {
    // The client writes nothing and never ends: only a refusal before reading can answer it.
    const a = await post("/api/meters/m-1", { declare: 17 * MiB, send: 0, end: false });
    expectProblem413(a, "/api/meters/m-1");
    expect(a.sentWhenAnswered).toBe(0);
    expect((await get(host, "/api/health")).status).toBe(200);
  });

  it("a chunked body is refused when it crosses the limit, without waiting for its end", async () => {
    // Chunked (no Content-Length), never ended, up to 64 MiB offered: the answer comes at the crossing.
    const a = await post("/runtime/ingest", { send: 64, end: false });
    expectProblem413(a, "/runtime/ingest");
    expect(a.body.detail).toContain("reading stopped");
    expect(a.sentWhenAnswered).toBeGreaterThan(16 * MiB);
    expect(a.sentWhenAnswered).toBeLessThan(64 * MiB);
    expect((await get(host, "/api/health")).status).toBe(200);
  });

  it("a body just under the limit is still read (and judged by the route)", async () => {
    const body = JSON.stringify({ messages: [] });
    const res = await fetch(`${host.url}/runtime/ingest`, { method: "POST", body });
    expect(res.status).toBe(200);
  });
});
