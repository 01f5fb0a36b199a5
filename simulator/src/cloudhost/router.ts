import type { AnyRoute } from "@omdp/functions";

/** A compiled route: `meters/{id}/latest` matches `/api/meters/m1/latest` with `{ id: "m1" }`. */
export interface CompiledRoute {
  readonly def: AnyRoute;
  readonly segments: readonly string[];
}

export function compileRoutes(defs: readonly AnyRoute[]): CompiledRoute[] {
  return defs.map((def) => ({ def, segments: def.route.split("/") }));
}

export interface RouteMatch {
  readonly def: AnyRoute;
  readonly params: Record<string, string>;
}

/**
 * Finds the route of a path below `/api/`. `methodMismatch` reports a path that exists with other
 * methods (405 rather than 404).
 */
export function matchRoute(
  routes: readonly CompiledRoute[],
  method: string,
  apiPath: string,
): { match?: RouteMatch; allowed: string[] } {
  const parts = apiPath.split("/").filter((p) => p !== "");
  const allowed: string[] = [];
  for (const r of routes) {
    if (r.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = r.segments[i]!;
      if (seg.startsWith("{") && seg.endsWith("}")) {
        try {
          params[seg.slice(1, -1)] = decodeURIComponent(parts[i]!);
        } catch {
          ok = false;
        }
      } else ok = seg === parts[i];
    }
    if (!ok) continue;
    if (r.def.method === method) return { match: { def: r.def, params }, allowed };
    allowed.push(r.def.method);
  }
  return { allowed };
}
