import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "./errors";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type Handler<A> = (ctx: RequestContext, auth: A) => Promise<void> | void;

interface Route<A> {
  method: string;
  segments: string[];
  handler: Handler<A>;
}

/** A tiny router: `/api/meters/{id}/latest` patterns, exact segment match, `{name}` captures one segment. */
export class Router<A> {
  private readonly routes: Route<A>[] = [];

  add(method: string, pattern: string, handler: Handler<A>): this {
    this.routes.push({ method, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  /** The handler and captured parameters; 404 for an unknown path, 405 for a known path with another method. */
  match(method: string, pathname: string): { handler: Handler<A>; params: Record<string, string> } {
    const parts = pathname.split("/").filter(Boolean);
    let pathKnown = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathKnown = true;
      if (route.method === method) return { handler: route.handler, params };
    }
    if (pathKnown) throw new ApiError(405, "method_not_allowed", `${method} is not allowed on ${pathname}`);
    throw new ApiError(404, "not_found", `no route ${pathname}`);
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith("{") && p.endsWith("}")) {
      let v: string;
      try {
        v = decodeURIComponent(parts[i]!);
      } catch {
        return undefined;
      }
      params[p.slice(1, -1)] = v;
    } else if (p !== parts[i]) return undefined;
  }
  return params;
}
