import {
  EdgeIntervalsQuery,
  EdgeReadingsQuery,
  INTERVALS_PATH,
  intervalsAfter,
  intervalsToken,
  StatsQuery,
} from "@omdp/series";
import type { z } from "zod";
import { householdOf, timeZoneOf } from "../config";
import { CONSENT_PROPERTIES, CONSENT_RESOLUTIONS, ConsentRequest, isActive } from "../consent";
import { LATEST_VERSION } from "../store";
import { addCostRoutes } from "./costs";
import type { ApiDeps, Caller } from "./deps";
import { ApiError, badParameter, invalidFields, issueParam, notFound } from "./errors";
import { exportPages } from "./export";
import { handleHaExport } from "./export-ha";
import { handleInfluxExport } from "./export-influx";
import { readJson, sendJson, sendJsonText, writeChunk } from "./http-io";
import { rangeParams, stringParam } from "./params";
import { Router } from "./router";
import { addRuleRoutes } from "./rules";
import { handleStream } from "./stream";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOMINAL_MS: Record<string, number> = {
  PT1M: 60_000,
  PT5M: 300_000,
  PT15M: 900_000,
  PT30M: 1_800_000,
  PT1H: HOUR,
  P1D: DAY,
  P1M: 28 * DAY,
};
/** Largest number of intervals one query may span. */
export const MAX_INTERVALS = 50_000;

/** Routes a third-party (recipient-scoped) token may call. */
export const RECIPIENT_ROUTES = new Set([
  "/api/export",
  "/api/export/influx",
  "/api/export/ha",
  "/api/health",
]);

/** The query parameters validated with the model's zod schema; a 400 naming every invalid one. */
function parseQuery<T extends z.ZodType>(schema: T, q: URLSearchParams): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(q.entries()));
  if (!parsed.success) throw invalidFields(parsed.error.issues.map(issueParam));
  return parsed.data;
}

export function buildRouter(deps: ApiDeps): Router<Caller | undefined> {
  const r = new Router<Caller | undefined>();
  const { store } = deps;

  // Healthy means connected: with no hub behind it nothing new arrives, so the check answers 503.
  r.add("GET", "/api/health", (c) => {
    const hub = deps.hubConnected() ? "connected" : "disconnected";
    sendJson(c.res, hub === "connected" ? 200 : 503, {
      status: hub === "connected" ? "ok" : "unavailable",
      hub,
      module: "sharing",
      schemaVersion: LATEST_VERSION,
      detached: !deps.config().cloud.enabled,
      time: new Date(deps.now()).toISOString(),
      liveClients: deps.feed.clientCount,
      ...(deps.upstream ? { upstream: deps.upstream() } : {}),
    });
  });

  r.add("GET", "/api/meters", (c) => {
    const cfg = deps.config();
    const ids = new Set([...store.meterIds.all().map((m) => m.meterId), ...Object.keys(cfg.meters)]);
    const meters = [...ids].sort().map((meterId) => {
      const latest = store.readings.latest(meterId);
      return {
        meterId,
        householdId: householdOf(cfg, meterId),
        timeZone: timeZoneOf(cfg, meterId),
        latestReadingTime: latest?.reading.readingTime ?? null,
      };
    });
    sendJson(c.res, 200, { meters });
  });

  r.add("GET", "/api/meters/{id}/latest", (c) => {
    const latest = store.readings.latest(c.params.id!);
    if (!latest) throw notFound(`reading of meter ${c.params.id}`);
    sendJson(c.res, 200, { seq: latest.seq, reading: latest.reading });
  });

  // Edge only (EDGE_ONLY_OPERATIONS of @omdp/series): the raw readings the edge keeps.
  r.add("GET", "/api/meters/{id}/readings", (c) => {
    const q = c.url.searchParams;
    const query = parseQuery(EdgeReadingsQuery, q);
    const { from, to } = rangeParams(q, deps.now(), HOUR);
    const rows = store.readings.range(c.params.id!, from, to, query.limit);
    sendJson(c.res, 200, {
      meterId: c.params.id,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      readings: rows.map((x) => x.reading),
    });
  });

  // The one intervals resource of both APIs (@omdp/series api.ts): query, page envelope, problem.
  r.add("GET", INTERVALS_PATH, (c) => {
    const q = c.url.searchParams;
    const query = parseQuery(EdgeIntervalsQuery, q);
    const { from, to } = rangeParams(q, deps.now(), DAY);
    const resolution = query.resolution;
    if ((to - from) / NOMINAL_MS[resolution]! > MAX_INTERVALS)
      throw badParameter("from", `the range spans more than ${MAX_INTERVALS} intervals of ${resolution}`);
    let after = from;
    if (query.continuationToken !== undefined) {
      const a = intervalsAfter(query.continuationToken);
      if (a === undefined) throw badParameter("continuationToken", "not a token of this API");
      after = Math.max(from, a + 1);
    }
    const meterId = c.params.id!;
    const timeZone = timeZoneOf(deps.config(), meterId);
    const rows = store.intervals.queryJson(meterId, resolution, after, to, timeZone);
    const page = rows.slice(0, query.limit);
    const last = page.length > 0 ? (JSON.parse(page[page.length - 1]!) as { intervalStart: string }) : null;
    const token =
      rows.length > query.limit && last ? intervalsToken(Date.parse(last.intervalStart)) : undefined;
    const head = JSON.stringify({ meterId, resolution }).slice(0, -1);
    const tail = token === undefined ? "" : `,"continuationToken":${JSON.stringify(token)}`;
    sendJsonText(c.res, 200, `${head},"items":[${page.join(",")}]${tail}}`);
  });

  // Edge only: analytics' StatsMessages.
  r.add("GET", "/api/stats", (c) => {
    const q = c.url.searchParams;
    const { meterId } = parseQuery(StatsQuery, q);
    const { from, to } = rangeParams(q, deps.now(), 31 * DAY);
    sendJson(c.res, 200, { stats: store.stats.query(from, to, meterId) });
  });

  r.add("GET", "/api/events", (c) => {
    const q = c.url.searchParams;
    const meterId = stringParam(q, "meterId");
    const { from, to } = rangeParams(q, deps.now(), 7 * DAY);
    sendJson(c.res, 200, { events: store.events.query(from, to, meterId) });
  });

  r.add("POST", "/api/events/{id}/ack", async (c) => {
    const id = c.params.id!;
    if (!store.events.ack(id, deps.now())) throw notFound(`event ${id}`);
    await deps.sendControl({ kind: "control", action: "ackEvent", eventId: id });
    sendJson(c.res, 200, { id, ackedAt: store.events.get(id)?.ackedAt ?? null });
  });

  r.add("GET", "/api/stream", (c) => handleStream(c, deps));

  r.add("GET", "/api/consents", (c) => {
    const now = deps.now();
    sendJson(c.res, 200, {
      consents: store.consents.all().map((x) => ({ ...x, active: isActive(x, now) })),
      properties: CONSENT_PROPERTIES,
      resolutions: CONSENT_RESOLUTIONS,
    });
  });

  r.add("POST", "/api/consents", async (c, caller) => {
    const parsed = ConsentRequest.safeParse(await readJson(c.req));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const parameter = String(issue.path[0] ?? "body");
      throw badParameter(parameter, issue.message);
    }
    const consent = store.consents.grant(parsed.data, caller!.name, deps.now());
    sendJson(c.res, 201, { ...consent, active: isActive(consent, deps.now()) });
  });

  r.add("GET", "/api/consents/audit", (c) => sendJson(c.res, 200, { entries: store.consents.auditLog() }));

  r.add("DELETE", "/api/consents/{id}", (c, caller) => {
    const consent = store.consents.revoke(c.params.id!, caller!.name, deps.now());
    if (!consent) throw notFound(`consent ${c.params.id}`);
    sendJson(c.res, 200, { ...consent, active: false });
  });

  addRuleRoutes(r, deps);
  addCostRoutes(r, deps);

  r.add("GET", "/api/export/influx", (c, caller) => handleInfluxExport(c, deps, caller));
  r.add("GET", "/api/export/ha", (c, caller) => handleHaExport(c, deps, caller));

  r.add("GET", "/api/export", async (c, caller) => {
    const q = c.url.searchParams;
    const { from, to } = rangeParams(q, deps.now(), deps.now() + 1);
    const pages = exportPages(deps, from, to, caller?.recipient ?? null);
    c.res.writeHead(200, {
      "content-type": "application/x-ndjson; charset=utf-8",
      "cache-control": "no-store",
      "content-disposition": 'attachment; filename="omdp-export.jsonl"',
    });
    for (const page of pages) {
      if (c.res.destroyed) return;
      if (page.length > 0) await writeChunk(c.res, `${page.map((l) => JSON.stringify(l)).join("\n")}\n`);
    }
    c.res.end();
  });

  return r;
}

export { ApiError };
