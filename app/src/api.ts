import type { IntervalsPage, PricesPage, Problem, SeriesResolution } from "@omdp/series";
import type { CostPage } from "@omdp/tariffs";
import { type Interval, normaliseIntervals } from "./lib/records";
import { joinUrl } from "./lib/settings";

/**
 * An API error with what the server said: RFC 9457 problem+json (`Problem` of @omdp/series, both APIs);
 * the edge also still sends its earlier `error: { code }` member, whose code is kept.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface Api {
  readonly baseUrl: string;
  get<T = unknown>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  send<T = unknown>(method: "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<T>;
  /** The absolute URL of `path` (for EventSource and downloads). */
  url(path: string, query?: Record<string, string | number | undefined>): string;
  token(): string;
}

async function toError(res: Response): Promise<ApiError> {
  let code = `http_${res.status}`;
  let message = res.statusText || `HTTP ${res.status}`;
  let parameter: string | undefined;
  try {
    const body = (await res.json()) as Partial<Problem> & { error?: { code?: unknown } };
    if (typeof body.error?.code === "string") code = body.error.code;
    if (typeof body.detail === "string") message = body.detail;
    else if (typeof body.title === "string") message = body.title;
    if (typeof body.parameter === "string") parameter = body.parameter;
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(res.status, code, message, parameter);
}

/** Pages of GET /api/meters/{id}/intervals followed at most this many times. */
const MAX_PAGES = 200;

/**
 * A meter's intervals in [from, to) at `resolution`, every page: the one intervals resource, the same
 * at the edge and in the cloud (path, parameters, `IntervalsPage` envelope).
 */
export async function listIntervals(
  api: Api,
  meterId: string,
  q: { from: string; to: string; resolution: SeriesResolution },
): Promise<Interval[]> {
  const items: unknown[] = [];
  let continuationToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await api.get<IntervalsPage>(`/api/meters/${encodeURIComponent(meterId)}/intervals`, {
      ...q,
      continuationToken,
    });
    items.push(...(body?.items ?? []));
    continuationToken = body?.continuationToken;
    if (!continuationToken) break;
  }
  return normaliseIntervals(items);
}

/**
 * A meter's costs in [from, to) under its household's tariff (the one costs resource of both APIs,
 * `CostPage` of @omdp/tariffs); null on 404: the household has no tariff (or a server without costs).
 */
export async function getCosts(
  api: Api,
  meterId: string,
  q: { from: string; to: string; resolution: "interval" | "P1D" | "P1M" },
): Promise<CostPage | null> {
  try {
    return await api.get<CostPage>(`/api/meters/${encodeURIComponent(meterId)}/costs`, q);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** The day-ahead prices of the meter's household's tariff in [from, to); null on 404 (none). */
export async function getPrices(
  api: Api,
  meterId: string,
  q: { from: string; to: string },
): Promise<PricesPage | null> {
  try {
    return await api.get<PricesPage>(`/api/meters/${encodeURIComponent(meterId)}/prices`, q);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

export function createApi(baseUrl: string, token: () => string, timeoutMs = 15_000): Api {
  const url = (path: string, query?: Record<string, string | number | undefined>): string => {
    const u = joinUrl(baseUrl, path);
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== "") q.set(k, String(v));
    const s = q.toString();
    return s ? `${u}${u.includes("?") ? "&" : "?"}${s}` : u;
  };
  const request = async <T>(method: string, target: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: "application/json" };
    const t = token();
    if (t) headers.authorization = `Bearer ${t}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    let res: Response;
    try {
      res = await fetch(target, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: ctl.signal,
      });
    } catch (err) {
      throw new ApiError(
        0,
        "unreachable",
        `cannot reach ${baseUrl || "the server"}: ${(err as Error).message}`,
      );
    } finally {
      clearTimeout(timer);
    }
    if (!res.ok) throw await toError(res);
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    if (!text) return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      return text as T;
    }
  };
  return {
    baseUrl,
    url,
    token,
    get: (path, query) => request("GET", url(path, query)),
    send: (method, path, body) => request(method, url(path), body),
  };
}
