import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors";

const ALLOW_METHODS = "GET, POST, PUT, DELETE, OPTIONS";
const ALLOW_HEADERS = "Authorization, Content-Type, Last-Event-ID";

/**
 * CORS limited to the configured origins. A request without `Origin` (curl, other services) passes;
 * a request from an origin not in the list gets 403 and no CORS headers at all. Returns true when the
 * request was a preflight and has been answered.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (!allowed.includes(origin))
      throw new ApiError(403, "origin_not_allowed", `origin ${origin} is not allowed`);
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("vary", "Origin");
  }
  if (req.method !== "OPTIONS") return false;
  res.writeHead(204, {
    "access-control-allow-methods": ALLOW_METHODS,
    "access-control-allow-headers": ALLOW_HEADERS,
    "access-control-max-age": "600",
    allow: ALLOW_METHODS,
  });
  res.end();
  return true;
}
