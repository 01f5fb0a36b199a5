import { type ConditionContext, type Expr, matches, parseCondition } from "./condition";

/**
 * IoT Edge routes: `FROM <source> [WHERE <condition>] INTO <sink>` ("Declare routes" in the IoT Edge
 * docs). Sources: `/*`, `/messages/*`, `/messages/modules/{m}/*`, `/messages/modules/{m}/outputs/{o}`,
 * `/messages/modules/{m}/outputs/*`, `/messages/modules/*`. Sinks: `$upstream` and
 * `BrokeredEndpoint("/modules/{m}/inputs/{i}")`.
 */
export type Sink =
  | { readonly kind: "upstream" }
  | { readonly kind: "input"; readonly moduleId: string; readonly input: string };

export interface Route {
  readonly name: string;
  readonly source: string;
  readonly condition?: Expr;
  readonly sink: Sink;
  readonly priority: number;
  readonly timeToLiveSecs?: number;
}

export class RouteError extends Error {
  override readonly name = "RouteError";
  constructor(
    readonly route: string,
    message: string,
    readonly text: string,
  ) {
    super(`route '${route}': ${message}: ${text}`);
  }
}

const ROUTE = /^\s*FROM\s+(\S+)\s+(?:WHERE\s+(.+?)\s+)?INTO\s+(.+?)\s*$/is;
const BROKERED = /^BrokeredEndpoint\(\s*"\/modules\/([^/"]+)\/inputs\/([^/"]+)"\s*\)$/i;
const SOURCE = /^\/(?:\*|messages\/(?:\*|modules\/(?:\*|[^/*]+\/(?:\*|outputs\/(?:\*|[^/*]+)))))$/;

/** Route definitions in the manifest: a string, or `{ route, priority, timeToLiveSecs }` (schema 1.1+). */
export type RouteSpec = string | { route: string; priority?: number; timeToLiveSecs?: number };

export function parseRoute(name: string, spec: RouteSpec): Route {
  const text = typeof spec === "string" ? spec : spec.route;
  const m = ROUTE.exec(text);
  if (!m) throw new RouteError(name, "not FROM ... [WHERE ...] INTO ...", text);
  const [, source, where, into] = m;
  if (!SOURCE.test(source!)) throw new RouteError(name, "unsupported source", source!);
  let sink: Sink;
  const b = BROKERED.exec(into!);
  if (into === "$upstream") sink = { kind: "upstream" };
  else if (b) sink = { kind: "input", moduleId: b[1]!, input: b[2]! };
  else throw new RouteError(name, "unsupported sink", into!);
  return {
    name,
    source: source!,
    ...(where ? { condition: parseCondition(where) } : {}),
    sink,
    priority: typeof spec === "string" ? 0 : (spec.priority ?? 0),
    ...(typeof spec !== "string" && spec.timeToLiveSecs !== undefined
      ? { timeToLiveSecs: spec.timeToLiveSecs }
      : {}),
  };
}

/** Where a message came from. */
export interface MessageSource {
  readonly deviceId: string;
  readonly moduleId?: string;
  readonly output?: string;
}

/** Does `source` (a route's FROM) cover a message from `from`? */
export function sourceMatches(source: string, from: MessageSource): boolean {
  if (source === "/*" || source === "/messages/*") return true;
  if (!from.moduleId) return false;
  if (source === "/messages/modules/*") return true;
  const prefix = `/messages/modules/${from.moduleId}/`;
  if (!source.startsWith(prefix)) return false;
  const rest = source.slice(prefix.length);
  if (rest === "*") return true;
  if (from.output === undefined) return false;
  return rest === "outputs/*" || rest === `outputs/${from.output}`;
}

export interface RoutedMessage {
  readonly from: MessageSource;
  readonly properties: Readonly<Record<string, string>>;
  readonly contentType?: string;
  readonly contentEncoding?: string;
  readonly body: Buffer;
}

/** The routing table: every distinct sink whose route matches the message, each once. */
export class Router {
  constructor(readonly routes: readonly Route[]) {}

  static fromManifest(routes: Record<string, RouteSpec>): Router {
    return new Router(Object.entries(routes).map(([name, spec]) => parseRoute(name, spec)));
  }

  sinksFor(msg: RoutedMessage): { sink: Sink; routes: string[] }[] {
    const out = new Map<string, { sink: Sink; routes: string[] }>();
    let ctx: ConditionContext | undefined;
    for (const r of this.routes) {
      if (!sourceMatches(r.source, msg.from)) continue;
      if (r.condition) {
        ctx ??= contextOf(msg);
        if (!matches(r.condition, ctx)) continue;
      }
      const key = r.sink.kind === "upstream" ? "$upstream" : `${r.sink.moduleId}/${r.sink.input}`;
      const hit = out.get(key);
      if (hit) hit.routes.push(r.name);
      else out.set(key, { sink: r.sink, routes: [r.name] });
    }
    return [...out.values()];
  }
}

function contextOf(msg: RoutedMessage): ConditionContext {
  let body: unknown;
  const json = msg.contentType?.toLowerCase().startsWith("application/json");
  const utf8 = !msg.contentEncoding || /^utf-?8$/i.test(msg.contentEncoding);
  if (json && utf8) {
    try {
      body = JSON.parse(msg.body.toString("utf8"));
    } catch {
      body = undefined;
    }
  }
  return {
    properties: msg.properties,
    system: {
      connectionDeviceId: msg.from.deviceId,
      connectionModuleId: msg.from.moduleId,
      contentType: msg.contentType,
      contentEncoding: msg.contentEncoding,
      outputName: msg.from.output,
    },
    body,
  };
}
