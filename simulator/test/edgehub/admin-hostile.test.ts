import { request } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "./helpers";

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

/** One raw HTTP request (the path is sent as given, no normalisation). */
function call(port: number, method: string, path: string, body?: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path, timeout: 10_000, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: String(res.headers["content-type"] ?? ""),
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    req.on("timeout", () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.on("error", reject);
    req.end(body);
  });
}

describe("admin HTTP API on hostile paths, methods and bodies", () => {
  let t: TestHub;
  let port: number;
  beforeAll(async () => {
    t = await startTestHub();
    port = t.hub.adminPort!;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("answers a badly percent-encoded module id with 400 problem+json", async () => {
    const a = await call(port, "GET", "/modules/%E0%A4%A/twin");
    expect(a.status).toBe(400);
    expect(a.type).toContain("application/problem+json");
    expect(JSON.parse(a.body)).toMatchObject({ status: 400, error: { code: "path.invalid" } });
  });

  it("answers 404 for the twin of a module or device the hub does not know, 200 for a known one", async () => {
    const unknown = await call(port, "GET", "/modules/intruder/twin");
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain("application/problem+json");
    const patch = await call(port, "PATCH", "/modules/intruder/twin/desired", Buffer.from('{"a":1}'));
    expect(patch.status).toBe(404);
    const known = await call(port, "GET", "/modules/events/twin");
    expect(known.status).toBe(200);
    expect(JSON.parse(known.body)).toHaveProperty("desired.$version");
  });

  it("answers 413 for a body over 1 MiB", async () => {
    const a = await call(port, "PATCH", "/modules/events/twin/desired", Buffer.alloc(1024 * 1024 + 10, 0x20));
    expect(a.status).toBe(413);
  });

  it("never answers 5xx and keeps serving, whatever path, method and body", {
    timeout: 120_000,
  }, async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        "modules",
        "devices",
        "twin",
        "desired",
        "methods",
        "credentials",
        "health",
        "upstream",
      ),
      fc.constantFrom(
        "events",
        "sharing",
        "intruder",
        "%E0%A4%A",
        "%",
        "%ZZ",
        "%00",
        "%2F",
        "..",
        ".",
        "%C0%AF",
      ),
      fc.string({ unit: "binary", maxLength: 12 }).map(encodeURIComponent),
    );
    const path = fc
      .tuple(
        fc.array(segment, { maxLength: 5 }),
        fc.option(fc.constantFrom("?timeoutMs=1", "?timeoutMs=-5", "?timeoutMs=1e99", "?%E0=%A", "?"), {
          nil: undefined,
        }),
        fc.boolean(),
      )
      .map(([parts, q, slash]) => `${slash ? "//" : "/"}${parts.join("/")}${q ?? ""}`);
    const method = fc.constantFrom("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD");
    const body = fc.oneof(
      fc.constant(undefined),
      fc.json().map((j) => Buffer.from(j)),
      fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
    );
    const fiveHundreds: string[] = [];
    await fc.assert(
      fc.asyncProperty(path, method, body, async (p, m, b) => {
        // Methods on modules that are not connected answer at once (404 in the outcome), never wait.
        const a = await call(port, m, p, b);
        if (a.status >= 500) fiveHundreds.push(`${m} ${p} -> ${a.status}`);
      }),
      { numRuns: 400 },
    );
    expect(fiveHundreds).toEqual([]);
    expect((await call(port, "GET", "/health")).status).toBe(200);
  });
});
