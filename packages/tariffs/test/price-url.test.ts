/**
 * `prices.url`: fetched from a loopback HTTP server this test starts (no other network), with the
 * timeout, size limit, disk cache and typed errors of src/price-url.ts. The CSV is the format of
 * src/csv.ts; the expected µ-units per kWh are hand-converted from EUR per MWh (x 1000 / 1000).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fetchPricesText, PriceUrlError, tariffUrlPrices } from "../src/price-url";
import { tariff } from "./support/tariffs";

const CSV = "# currency=EUR unit=MWh\nstart,price\n2026-06-01T00:00Z,100.5\n2026-06-01T01:00Z,-3.25\n";
const hits = new Map<string, number>();
const held: http.ServerResponse[] = [];
let server: http.Server;
let base = "";
let cacheDir = "";
let flakyUp = true;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = new URL(req.url ?? "/", "http://x").pathname;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    if (p === "/prices.csv") res.end(CSV);
    else if (p === "/flaky") flakyUp ? res.end(CSV) : res.writeHead(503).end("down");
    else if (p === "/slow")
      held.push(res); // never answers: the client's timeout ends it
    else if (p === "/declared-big") res.writeHead(200, { "content-length": "2048" }).end("x".repeat(2048));
    else if (p === "/streamed-big") {
      res.writeHead(200); // chunked, no length: the limit is counted while reading
      for (let i = 0; i < 4; i++) res.write("y".repeat(512));
      res.end();
    } else res.writeHead(404).end("no");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const r of held) r.destroy();
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

beforeEach(() => {
  hits.clear();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
  cacheDir = mkdtempSync(path.join(tmpdir(), "omdp-price-url-"));
});

async function codeOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof PriceUrlError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected a PriceUrlError");
}

const csvTariff = (url: string) =>
  tariff({
    id: "dyn",
    currency: "EUR",
    timeZone: "UTC",
    import: { energy: { kind: "dynamic" } },
    prices: { format: "csv", url },
  });

describe("prices.url", () => {
  it("fetches and parses the CSV: 100.5 EUR/MWh = 100,500 µEUR/kWh, -3.25 = -3,250", async () => {
    const got = await tariffUrlPrices(csvTariff(`${base}/prices.csv`), { cacheDir });
    expect(got?.source).toBe("network");
    expect(got?.prices.ok && got.prices.value.slots).toEqual([
      { start: Date.parse("2026-06-01T00:00Z"), end: Date.parse("2026-06-01T01:00Z"), price: 100_500 },
      { start: Date.parse("2026-06-01T01:00Z"), end: Date.parse("2026-06-01T02:00Z"), price: -3_250 },
    ]);
    expect(readdirSync(cacheDir).map((f) => readFileSync(path.join(cacheDir, f), "utf8"))).toEqual([CSV]);
  });

  it("answers from the disk cache within maxAge, fetches again after it, serves the stale copy when the URL fails", async () => {
    let now = Date.parse("2026-06-01T12:00:00Z");
    const o = { cacheDir, maxAgeMs: 3_600_000, now: () => now };
    const url = `${base}/prices.csv`;
    expect((await fetchPricesText(url, o)).source).toBe("network");
    now += 3_599_000; // 59 min 59 s later: fresh
    expect((await fetchPricesText(url, o)).source).toBe("cache");
    expect(hits.get("/prices.csv")).toBe(1);
    now += 2_000; // 1 h 1 s after the fetch: stale, fetched again
    expect((await fetchPricesText(url, o)).source).toBe("network");
    expect(hits.get("/prices.csv")).toBe(2);
  });

  it("uses the last copy when the URL later fails (a detached edge), with the failure", async () => {
    let now = 0;
    const o = { cacheDir, maxAgeMs: 1000, now: () => now };
    const url = `${base}/flaky`;
    flakyUp = true;
    expect((await fetchPricesText(url, o)).source).toBe("network");
    flakyUp = false; // the server now answers 503
    now = 5000; // past maxAge: a request is made, it fails, the cached copy answers
    const stale = await fetchPricesText(url, o);
    expect(stale.source).toBe("stale");
    expect(stale.text).toBe(CSV);
    expect(stale.error?.code).toBe("PRICES_URL_HTTP_STATUS");
    expect(hits.get("/flaky")).toBe(2);
    // without a cached copy the failure is the answer: a refused loopback port
    const closed = http.createServer();
    await new Promise<void>((ok) => closed.listen(0, "127.0.0.1", ok));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    expect((await codeOf(fetchPricesText(`http://127.0.0.1:${deadPort}/p.csv`, o))).code).toBe(
      "PRICES_URL_UNREACHABLE",
    );
  });

  it("times out, refuses bodies over the limit (declared or streamed), and non-http URLs", async () => {
    expect((await codeOf(fetchPricesText(`${base}/slow`, { cacheDir, timeoutMs: 200 }))).code).toBe(
      "PRICES_URL_TIMEOUT",
    );
    expect((await codeOf(fetchPricesText(`${base}/declared-big`, { cacheDir, maxBytes: 1024 }))).code).toBe(
      "PRICES_URL_TOO_LARGE",
    );
    // 4 x 512 B = 2048 B > 1024 B
    expect((await codeOf(fetchPricesText(`${base}/streamed-big`, { cacheDir, maxBytes: 1024 }))).code).toBe(
      "PRICES_URL_TOO_LARGE",
    );
    expect((await codeOf(fetchPricesText("file:///etc/passwd", { cacheDir }))).code).toBe(
      "PRICES_URL_INVALID",
    );
    expect(readdirSync(cacheDir)).toEqual([]); // nothing failed is cached
  });

  it("never shows the URL's query (ENTSO-E securityToken) in an error", async () => {
    const e = await codeOf(
      fetchPricesText(`${base}/missing?securityToken=SECRET-123&in_Domain=x`, { cacheDir }),
    );
    expect(e.code).toBe("PRICES_URL_HTTP_STATUS");
    expect(e.message).toContain(`${base}/missing`);
    expect(e.message).not.toContain("SECRET-123");
  });
});
