/**
 * The dashboard server of the local platform (127.0.0.1 only): the built app (`app/dist`), `/config.json`
 * (cloud and edge URLs, dev tokens, households: handed to the browser on this machine only), and two
 * same-origin proxies, `/edge/...` to the edge local API and `/cloud/...` to the local cloud, so the app
 * needs no CORS setup locally. Server-sent events pass through unbuffered.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

export interface AppServerOptions {
  readonly distDir: string;
  readonly port: number;
  /** What `/config.json` answers (computed per request: tokens can change). */
  readonly config: () => unknown;
  /** Upstreams by path prefix, e.g. `{ "/edge": "http://127.0.0.1:8080", "/cloud": "http://127.0.0.1:7071" }`. */
  readonly proxies: Readonly<Record<string, string>>;
  /** Prefixes answered 404 (e.g. `/cloud` when detached) instead of falling back to the app. */
  readonly absent?: readonly string[];
}

export interface AppServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

const isLoopback = (addr: string | undefined) =>
  addr === "127.0.0.1" || addr === "::1" || addr === "::ffff:127.0.0.1";

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

function proxy(req: IncomingMessage, res: ServerResponse, target: string, path: string): void {
  const url = new URL(path, target);
  const headers = { ...req.headers, host: url.host };
  delete headers.origin;
  delete headers.referer;
  const up = request(url, { method: req.method, headers, timeout: 0 }, (upRes) => {
    const h = { ...upRes.headers };
    if (String(h["content-type"] ?? "").startsWith("text/event-stream")) {
      h["cache-control"] = "no-cache";
      h["x-accel-buffering"] = "no";
    }
    res.writeHead(upRes.statusCode ?? 502, h);
    res.flushHeaders();
    upRes.pipe(res);
    res.on("close", () => upRes.destroy());
  });
  up.on("error", (err) => {
    if (!res.headersSent) {
      sendJson(res, 502, { error: { code: "upstream_unreachable", message: `${target}: ${err.message}` } });
    } else res.destroy();
  });
  req.on("aborted", () => up.destroy());
  res.on("close", () => up.destroy());
  req.pipe(up);
}

function serveStatic(res: ServerResponse, distDir: string, pathname: string, method: string): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    sendJson(res, 400, { error: { code: "bad_path", message: "bad path" } });
    return;
  }
  const file = normalize(join(distDir, rel === "/" ? "index.html" : rel));
  if (file !== distDir && !file.startsWith(distDir + sep)) {
    sendJson(res, 403, { error: { code: "forbidden", message: "outside the app" } });
    return;
  }
  const target = existsSync(file) && statSync(file).isFile() ? file : join(distDir, "index.html");
  if (!existsSync(target)) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
    res.end("The app is not built: run `npm start` (it builds the app) or `npm run build -w @omdp/app`.\n");
    return;
  }
  const hashed = target.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    "content-type": TYPES[extname(target)] ?? "application/octet-stream",
    "content-length": statSync(target).size,
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
  });
  if (method === "HEAD") res.end();
  else createReadStream(target).pipe(res);
}

export function startAppServer(opts: AppServerOptions): Promise<AppServer> {
  const distDir = normalize(opts.distDir);
  const server: Server = createServer((req, res) => {
    if (!isLoopback(req.socket.remoteAddress)) {
      sendJson(res, 403, { error: { code: "forbidden", message: "local clients only" } });
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/config.json") {
      sendJson(res, 200, opts.config());
      return;
    }
    for (const [prefix, target] of Object.entries(opts.proxies)) {
      if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) {
        proxy(req, res, target, url.pathname.slice(prefix.length) + url.search);
        return;
      }
    }
    for (const prefix of opts.absent ?? []) {
      if (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`)) {
        sendJson(res, 404, {
          error: { code: "not_configured", message: `${prefix} is not part of this platform` },
        });
        return;
      }
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      sendJson(res, 405, { error: { code: "method_not_allowed", message: req.method ?? "" } });
      return;
    }
    serveStatic(res, distDir, url.pathname, req.method);
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, "127.0.0.1", () => {
      server.off("error", reject);
      const addr = server.address();
      const port = typeof addr === "object" && addr ? addr.port : opts.port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
