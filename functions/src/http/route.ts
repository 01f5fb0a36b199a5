import type { HttpRequest, HttpResponseInit, InvocationContext } from "@azure/functions";
import type { z } from "zod";
import type { Principal, Role } from "../auth/principal";
import { AuthError, bearerToken } from "../auth/verify";
import { app, insideFunctionsHost } from "../azf";
import { getServices, type Services } from "../services";
import { InvalidContinuationError } from "../store/port";
import { badParameter, ProblemError, problemResponse } from "./problem";

export type Method = "GET" | "PUT" | "POST" | "DELETE";

export interface HandlerContext<P, Q, B> {
  readonly services: Services;
  /** Undefined only on public routes. */
  readonly principal: Principal;
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly request: HttpRequest;
}

export interface ApiResult {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/**
 * One HTTP Function: name, route (under the `api/` prefix), who may call it, the zod schemas that
 * validate its input (the OpenAPI document is generated from the same schemas), and the handler.
 */
export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  readonly name: string;
  readonly method: Method;
  readonly route: string;
  readonly summary: string;
  readonly roles: readonly Role[] | "public";
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  readonly response: z.ZodType;
  readonly successStatus?: number;
  /** An old path kept answering; the OpenAPI document marks it `deprecated`. */
  readonly deprecated?: boolean;
  /** Part of the one resource model that exists at one side only (`x-omdp-only` in the OpenAPI). */
  readonly only?: "edge" | "cloud";
  readonly handle: (ctx: HandlerContext<P, Q, B>) => Promise<ApiResult>;
}

// biome-ignore lint/suspicious/noExplicitAny: the table holds routes of every parameter type
export type AnyRoute = RouteDef<any, any, any>;

/** Every HTTP route, in registration order (the local host and the OpenAPI document read it). */
export const ROUTE_TABLE: AnyRoute[] = [];

function firstIssue(where: string, error: z.ZodError): ProblemError {
  const issue = error.issues[0]!;
  const name = issue.path.length > 0 ? String(issue.path[0]) : where;
  return badParameter(name, issue.message);
}

/**
 * Query parameters as an object. An unencoded `+` of a time offset (`...T00:00:00+01:00`) arrives as a
 * space (form encoding); it is put back so that such a URL still means what its author wrote.
 */
function queryObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params.entries()) out[k] = v.replace(/ (\d\d:\d\d)$/, "+$1");
  return out;
}

async function authenticate(
  def: AnyRoute,
  services: Services,
  req: HttpRequest,
): Promise<Principal | undefined> {
  if (def.roles === "public") return undefined;
  const token = bearerToken(req.headers.get("authorization"));
  if (!token) throw new ProblemError(401, "Unauthorized", "a bearer token is required");
  let principal: Principal;
  try {
    principal = await services.auth.verify(token);
  } catch (err) {
    if (err instanceof AuthError) throw new ProblemError(401, "Unauthorized", err.reason);
    throw err;
  }
  if (!def.roles.some((r) => principal.roles.has(r))) {
    throw new ProblemError(403, "Forbidden", `this endpoint needs one of the roles: ${def.roles.join(", ")}`);
  }
  return principal;
}

async function readBody(def: AnyRoute, req: HttpRequest): Promise<unknown> {
  if (!def.body) return undefined;
  const text = await req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw badParameter("body", "not valid JSON");
  }
}

/** Runs a route: authenticate, authorise, validate, handle; every failure is RFC 9457 problem+json. */
export async function runRoute(
  def: AnyRoute,
  services: Services,
  req: HttpRequest,
  context?: InvocationContext,
): Promise<HttpResponseInit> {
  const instance = new URL(req.url).pathname;
  try {
    const principal = await authenticate(def, services, req);
    const params = def.params ? def.params.safeParse(req.params) : { success: true as const, data: {} };
    if (!params.success) throw firstIssue("path", params.error);
    const query = def.query
      ? def.query.safeParse(queryObject(req.query))
      : { success: true as const, data: {} };
    if (!query.success) throw firstIssue("query", query.error);
    const rawBody = await readBody(def, req);
    const body = def.body ? def.body.safeParse(rawBody) : { success: true as const, data: undefined };
    if (!body.success) throw firstIssue("body", body.error);
    const result = await def.handle({
      services,
      principal: principal as Principal,
      params: params.data,
      query: query.data,
      body: body.data,
      request: req,
    });
    const status = result.status ?? def.successStatus ?? 200;
    return {
      status,
      headers: { "content-type": "application/json", "cache-control": "no-store", ...result.headers },
      body: result.body === undefined ? undefined : JSON.stringify(result.body),
    };
  } catch (err) {
    if (err instanceof ProblemError) return problemResponse(err, instance);
    if (err instanceof InvalidContinuationError)
      return problemResponse(badParameter(err.parameter, err.message), instance);
    services.log.error("handler failed", { route: def.name, error: (err as Error).message });
    context?.error(`handler ${def.name} failed`);
    return problemResponse(
      new ProblemError(500, "Internal Server Error", "the request could not be completed"),
      instance,
    );
  }
}

/**
 * Registers a route: in the local table always, and with the Functions host when running inside it
 * (`app.http` outside the host only switches @azure/functions into test mode).
 */
export function registerHttp(def: AnyRoute): void {
  ROUTE_TABLE.push(def);
  if (!insideFunctionsHost()) return;
  app.http(def.name, {
    methods: [def.method],
    route: def.route,
    authLevel: "anonymous",
    handler: async (req, ctx) => runRoute(def, await getServices(), req, ctx),
  });
}
