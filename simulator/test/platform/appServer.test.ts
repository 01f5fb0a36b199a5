import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../../src/platform/appServer";

let dir: string;
let upstream: Server;
let upstreamPort: number;
let app: AppServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "omdp-app-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>app</title>");
  writeFileSync(join(dir, "assets", "a-123.js"), "console.log(1)");
  upstream = createServer((req, res) => {
    if (req.url?.startsWith("/api/stream")) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`id: 1\nevent: reading\ndata: {"auth":"${req.headers.authorization ?? ""}"}\n\n`);
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ url: req.url, method: req.method, auth: req.headers.authorization ?? null }));
  });
  await new Promise<void>((r) => upstream.listen(0, "127.0.0.1", r));
  upstreamPort = (upstream.address() as { port: number }).port;
  app = await startAppServer({
    distDir: dir,
    port: 0,
    config: () => ({ edgeUrl: "edge", cloudUrl: "cloud" }),
    proxies: { "/edge": `http://127.0.0.1:${upstreamPort}`, "/cloud": "http://127.0.0.1:1" },
    absent: ["/elsewhere"],
  });
});

afterAll(async () => {
  await app.close();
  await new Promise((r) => upstream.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe("app server", () => {
  it("serves the app, hashed assets as immutable, and the SPA fallback", async () => {
    const index = await fetch(`${app.url}/`);
    expect(index.headers.get("content-type")).toContain("text/html");
    expect(await index.text()).toContain("<title>app</title>");
    const asset = await fetch(`${app.url}/assets/a-123.js`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(await (await fetch(`${app.url}/history`)).text()).toContain("<title>app</title>");
  });
  it("never serves files outside the app", async () => {
    const res = await fetch(`${app.url}/..%2f..%2fetc%2fpasswd`);
    expect([403, 200]).toContain(res.status);
    expect(await res.text()).not.toContain("root:");
  });
  it("hands out /config.json", async () => {
    expect(await (await fetch(`${app.url}/config.json`)).json()).toEqual({
      edgeUrl: "edge",
      cloudUrl: "cloud",
    });
  });
  it("proxies the edge API with the method, query and token", async () => {
    const res = await fetch(`${app.url}/edge/api/consents?x=1`, {
      method: "POST",
      headers: { authorization: "Bearer t0k" },
      body: "{}",
    });
    expect(await res.json()).toEqual({ url: "/api/consents?x=1", method: "POST", auth: "Bearer t0k" });
  });
  it("passes server-sent events through unbuffered", async () => {
    const ctl = new AbortController();
    const res = await fetch(`${app.url}/edge/api/stream?access_token=abc`, { signal: ctl.signal });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain("event: reading");
    ctl.abort();
  });
  it("answers 404 for a part that is not configured, not the app", async () => {
    const res = await fetch(`${app.url}/elsewhere/api/health`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_configured");
  });
  it("answers 502 with a JSON error when the upstream is down", async () => {
    const res = await fetch(`${app.url}/cloud/api/health`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("upstream_unreachable");
  });
});
