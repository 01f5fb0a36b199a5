import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from "node:http";
import type { AddressInfo } from "node:net";
import type { JsonObject } from "@omdp/edge-module";
import type { Logger } from "@omdp/logger";
import type { MethodOutcome } from "./broker";

/** What the admin endpoint can do to the hub. */
export interface AdminActions {
  invoke(target: string, method: string, payload: unknown, timeoutMs?: number): Promise<MethodOutcome>;
  /** The new desired `$version`; `undefined` if the hub knows no such module or leaf device. */
  patchDesired(target: string, patch: JsonObject): number | undefined;
  /** The twin document; `undefined` if the hub knows no such module or leaf device. */
  twin(target: string): unknown;
  health(): unknown;
  /** Connection string (with GatewayHostName) and CA file for a module or a leaf device. */
  credentials(target: string): { connectionString: string; caFile: string };
  upstream(): unknown;
  /** Prometheus text exposition (`GET /metrics`). */
  metrics?(): Promise<{ contentType: string; body: string }>;
}

const MAX_BODY = 1024 * 1024;

const MAX_METHOD_TIMEOUT_MS = 300_000;

function send(res: ServerResponse, status: number, body: unknown, type = "application/json"): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** RFC 9457 problem+json, keeping the `{ error: { code, message } }` member existing clients read. */
function problem(res: ServerResponse, status: number, code: string, message: string): void {
  send(
    res,
    status,
    {
      type: "about:blank",
      title: STATUS_CODES[status] ?? "Error",
      status,
      detail: message,
      error: { code, message },
    },
    "application/problem+json; charset=utf-8",
  );
}

/** The path's segments, percent-decoded; the index of the first badly encoded one otherwise. */
function pathSegments(pathname: string): { ok: true; parts: string[] } | { ok: false; index: number } {
  const raw = pathname.split("/").filter(Boolean);
  const parts: string[] = [];
  for (const [index, segment] of raw.entries()) {
    try {
      parts.push(decodeURIComponent(segment));
    } catch {
      return { ok: false, index };
    }
  }
  return { ok: true, parts };
}

async function readJson(
  req: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; status: 400 | 413; error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) return { ok: false, status: 413, error: `body larger than ${MAX_BODY} bytes` };
    chunks.push(c as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, status: 400, error: `body is not JSON: ${(err as Error).message}` };
  }
}

/**
 * The hub's admin HTTP API on 127.0.0.1 (what `omdp edge invoke` and tests use; IoT Hub's service API
 * in spirit):
 * `POST /modules/{id}/methods/{name}[?timeoutMs=]` body = payload, answers `{ status, payload }`;
 * `GET /modules/{id}/twin`; `PATCH /modules/{id}/twin/desired` body = patch, answers `{ version }`;
 * `GET /upstream` (store-and-forward figures); `GET /metrics` (Prometheus, metrics.ts); `GET /health`; `GET /devices/{id}/credentials` (connection
 * string with GatewayHostName and the CA file of a module or leaf device: loopback only, for developers). `{id}` is a module name or a leaf device id.
 */
export async function startAdmin(
  actions: AdminActions,
  port: number,
  log: Logger,
  host = "127.0.0.1",
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      log.error("admin request failed", { error: err });
      if (!res.headersSent) problem(res, 500, "internal", "internal error");
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!URL.canParse(req.url ?? "/", "http://admin"))
      return problem(res, 400, "path.invalid", "the request target is not a valid URL path");
    const url = new URL(req.url ?? "/", "http://admin");
    const segments = pathSegments(url.pathname);
    if (!segments.ok)
      return problem(
        res,
        400,
        "path.invalid",
        `path segment ${segments.index + 1} is not valid percent-encoding`,
      );
    const parts = segments.parts;
    if (req.method === "GET" && url.pathname === "/health") return send(res, 200, actions.health());
    if (req.method === "GET" && url.pathname === "/upstream") return send(res, 200, actions.upstream());
    if (req.method === "GET" && url.pathname === "/metrics" && actions.metrics) {
      const m = await actions.metrics();
      res.writeHead(200, { "content-type": m.contentType, "content-length": Buffer.byteLength(m.body) });
      res.end(m.body);
      return;
    }
    if (req.method === "GET" && parts[0] === "devices" && parts[2] === "credentials" && parts.length === 3)
      return send(res, 200, actions.credentials(parts[1]!));
    if (parts[0] === "modules" && parts.length >= 3) {
      const target = parts[1]!;
      if (req.method === "POST" && parts[2] === "methods" && parts.length === 4) {
        const body = await readJson(req);
        if (!body.ok) return problem(res, body.status, "body.invalid", body.error);
        const t = Number(url.searchParams.get("timeoutMs") ?? "");
        const outcome = await actions.invoke(
          target,
          parts[3]!,
          body.value,
          Number.isFinite(t) && t > 0 ? Math.min(t, MAX_METHOD_TIMEOUT_MS) : undefined,
        );
        return send(res, 200, outcome);
      }
      if (req.method === "GET" && parts[2] === "twin" && parts.length === 3) {
        const twin = actions.twin(target);
        if (twin === undefined) return problem(res, 404, "not.found", `no module or device '${target}'`);
        return send(res, 200, twin);
      }
      if (req.method === "PATCH" && parts[2] === "twin" && parts[3] === "desired" && parts.length === 4) {
        const body = await readJson(req);
        if (!body.ok) return problem(res, body.status, "body.invalid", body.error);
        if (!body.value || typeof body.value !== "object" || Array.isArray(body.value))
          return problem(res, 400, "body.invalid", "a desired-properties patch is a JSON object");
        const version = actions.patchDesired(target, body.value as JsonObject);
        if (version === undefined) return problem(res, 404, "not.found", `no module or device '${target}'`);
        return send(res, 200, { version });
      }
    }
    problem(res, 404, "not.found", `${req.method} ${url.pathname}`);
  }
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
