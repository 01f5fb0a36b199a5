import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { applyCors } from "./cors";
import type { ApiDeps, Caller } from "./deps";
import { ApiError } from "./errors";
import { sendError } from "./http-io";
import { buildRouter, RECIPIENT_ROUTES } from "./routes";

/** The bearer token of a request; `?access_token=` only on the stream (EventSource cannot set headers). */
function bearer(req: IncomingMessage, url: URL): string | undefined {
  const h = req.headers.authorization;
  if (h !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    return m?.[1];
  }
  if (url.pathname === "/api/stream") return url.searchParams.get("access_token") ?? undefined;
  return undefined;
}

/** The 403 text for a recipient token outside its routes; the list is RECIPIENT_ROUTES itself. */
export function recipientForbiddenMessage(recipient: string): string {
  return `a token for recipient ${recipient} may only call ${[...RECIPIENT_ROUTES].join(", ")}`;
}

function authenticate(deps: ApiDeps, req: IncomingMessage, url: URL): Caller | undefined {
  if (url.pathname === "/api/health") return undefined;
  const token = bearer(req, url);
  if (token === undefined) throw new ApiError(401, "unauthorized", "a bearer token is required");
  const info = deps.store.tokens.verify(token);
  if (!info) throw new ApiError(401, "unauthorized", "the token is unknown or revoked");
  if (info.recipient !== null && !RECIPIENT_ROUTES.has(url.pathname))
    throw new ApiError(403, "forbidden", recipientForbiddenMessage(info.recipient));
  return { tokenId: info.id, name: info.name, recipient: info.recipient };
}

/** The local HTTP API as a request listener (CORS, then auth, then the route). */
export function createApiHandler(deps: ApiDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const router = buildRouter(deps);
  return (req, res) => {
    const run = async () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (applyCors(req, res, deps.config().api.corsOrigins)) return;
      const { handler, params } = router.match(req.method ?? "GET", url.pathname);
      const caller = authenticate(deps, req, url);
      await handler({ req, res, url, params }, caller);
    };
    run().catch((err: unknown) => {
      if (res.headersSent) {
        deps.log.warn("api response failed after headers", { path: req.url?.split("?")[0], error: err });
        res.destroy();
        return;
      }
      if (err instanceof ApiError) return sendError(res, err);
      deps.log.error("api handler failed", { path: req.url?.split("?")[0], error: err });
      sendError(res, new ApiError(500, "internal", "internal error"));
    });
  };
}

export interface ApiServer {
  server: Server;
  port: number;
  host: string;
  close(): Promise<void>;
}

/** Starts the API on `host:port` (port 0: an ephemeral port). */
export async function startApiServer(deps: ApiDeps, host: string, port: number): Promise<ApiServer> {
  const server = createServer(createApiHandler(deps));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  return {
    server,
    port: addr.port,
    host,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
