import type http from "node:http";
import azf from "@azure/functions";
import {
  type AnyRoute,
  type EventHubMessage,
  ingestBatch,
  ProblemError,
  problemResponse,
  runRoute,
  type Services,
} from "@omdp/functions";
import { BodyTooLargeError, readBody } from "./body";
import type { CloudMetrics } from "./metrics";
import { compileRoutes, matchRoute } from "./router";

function send(
  res: http.ServerResponse,
  status: number,
  headers: Record<string, string>,
  body?: string,
): void {
  res.writeHead(status, headers);
  res.end(body);
}

function sendProblem(
  res: http.ServerResponse,
  err: ProblemError,
  cors: Record<string, string>,
  path: string,
): void {
  const r = problemResponse(err, path);
  send(res, r.status ?? 500, { ...(r.headers as Record<string, string>), ...cors }, r.body as string);
}

function corsHeaders(origin: string | undefined, allowed: readonly string[]): Record<string, string> {
  if (!origin || !allowed.includes(origin)) return {};
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": "content-type, www-authenticate",
    vary: "Origin",
  };
}

function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}

/** Parses the local ingest body: `{ messages: [ { body, properties, systemProperties } ] }`. */
function ingestMessages(raw: Buffer): EventHubMessage[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString("utf8"));
  } catch {
    throw new ProblemError(400, "Bad Request", "body is not JSON", [{ name: "body", reason: "not JSON" }]);
  }
  const messages = (parsed as { messages?: unknown }).messages;
  if (!Array.isArray(messages)) {
    throw new ProblemError(400, "Bad Request", "parameter 'messages': an array is required", [
      { name: "messages", reason: "an array is required" },
    ]);
  }
  return messages.map((m) => (typeof m === "object" && m !== null ? (m as EventHubMessage) : { body: m }));
}

/**
 * The local Functions host's request handler: `/api/*` through the same route table and runner as
 * the Functions host, `POST /runtime/ingest` for Event Hub-style batches, CORS for the app's origins.
 */
export function createHandler(
  services: Services,
  routes: readonly AnyRoute[],
  metrics?: CloudMetrics,
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const compiled = compileRoutes(routes);
  const allowed = services.settings.corsOrigins;
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const method = (req.method ?? "GET").toUpperCase();
    const cors = corsHeaders(req.headers.origin, allowed);
    if (method === "OPTIONS") {
      send(res, 204, {
        ...cors,
        ...(cors["access-control-allow-origin"]
          ? {
              "access-control-allow-methods": "GET, PUT, POST, DELETE, OPTIONS",
              "access-control-allow-headers": "authorization, content-type",
              "access-control-max-age": "600",
            }
          : {}),
      });
      return;
    }
    try {
      // Prometheus metrics (metrics.ts): loopback callers only, like the ingest endpoint
      if (url.pathname === "/metrics" && metrics && method === "GET") {
        if (!isLoopback(req.socket.remoteAddress))
          throw new ProblemError(403, "Forbidden", "the metrics endpoint is local-host only");
        send(res, 200, { "content-type": metrics.contentType }, await metrics.render());
        return;
      }
      if (url.pathname === "/runtime/ingest") {
        if (method !== "POST") throw new ProblemError(405, "Method Not Allowed", "use POST");
        // The ingest endpoint has no token: it answers loopback callers only (the local edge hub).
        if (!isLoopback(req.socket.remoteAddress)) {
          throw new ProblemError(403, "Forbidden", "the ingest endpoint is local-host only");
        }
        const result = await ingestBatch(ingestMessages(await readBody(req)), services);
        metrics?.ingested(result);
        send(res, 200, { "content-type": "application/json" }, JSON.stringify(result));
        return;
      }
      if (!url.pathname.startsWith("/api/"))
        throw new ProblemError(404, "Not Found", `no route ${url.pathname}`);
      const { match, allowed: methods } = matchRoute(compiled, method, url.pathname.slice(5));
      if (!match) {
        if (methods.length > 0) {
          throw new ProblemError(405, "Method Not Allowed", `allowed: ${methods.join(", ")}`);
        }
        throw new ProblemError(404, "Not Found", `no route ${url.pathname}`);
      }
      if (metrics) {
        const started = performance.now();
        const route = match.def.name;
        res.once("finish", () =>
          metrics.request(route, method, res.statusCode, (performance.now() - started) / 1000),
        );
      }
      const body = method === "GET" || method === "HEAD" ? undefined : await readBody(req);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      const request = new azf.HttpRequest({
        method,
        url: url.toString(),
        headers,
        params: match.params,
        ...(body && body.length > 0 ? { body: { bytes: body } } : {}),
      });
      const out = await runRoute(match.def, services, request);
      send(
        res,
        out.status ?? 200,
        { ...(out.headers as Record<string, string>), ...cors },
        typeof out.body === "string" ? out.body : undefined,
      );
    } catch (err) {
      if (err instanceof ProblemError) return sendProblem(res, err, cors, url.pathname);
      if (err instanceof BodyTooLargeError) {
        // Read no further: with `connection: close` Node ends the socket once the answer is written.
        res.setHeader("connection", "close");
        return sendProblem(
          res,
          new ProblemError(413, "Content Too Large", err.message, [
            { name: "body", reason: `over ${err.limit} bytes` },
          ]),
          cors,
          url.pathname,
        );
      }
      services.log.error("local host request failed", { path: url.pathname, error: (err as Error).message });
      // Ingest: any non-2xx tells the edge hub to keep the batch and retry.
      sendProblem(
        res,
        new ProblemError(503, "Service Unavailable", "the request failed; retry"),
        cors,
        url.pathname,
      );
    }
  };
  return (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, {});
      else res.destroy();
    });
  };
}
