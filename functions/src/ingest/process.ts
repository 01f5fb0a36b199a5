import { createHash } from "node:crypto";
import { Event, IntervalRecord, MeterReading } from "@omdp/model";
import { INTERVAL_BATCH_KIND, IntervalBatch, seriesId } from "@omdp/series";
import type { z } from "zod";
import type { IntervalWrite } from "../series/types";
import { rowFromInterval } from "../series/types";
import type { DeadLetter, MeterRecord, Store, StoredEvent, StoredReading } from "../store/port";
import { bodyText, type EventHubMessage, identityOf, parseBody, SYSTEM_PROPERTY } from "./message";
import type { MeterRegistry } from "./registry";

export interface IngestResult {
  /** Valid messages of registered meters, written (or already present: redelivery). */
  accepted: number;
  /** Valid messages refused: meter unknown or registered to another device (also parked, for audit). */
  rejected: number;
  /** Invalid messages (not JSON, unknown kind, schema violation): parked with the reason. */
  parked: number;
}

export interface IngestDeps {
  readonly store: Store;
  readonly registry: MeterRegistry;
}

type Kind = "interval" | "intervals" | "reading" | "event";
const SCHEMAS: Record<Kind, z.ZodType> = {
  interval: IntervalRecord,
  [INTERVAL_BATCH_KIND]: IntervalBatch,
  reading: MeterReading,
  event: Event,
};
const isKind = (k: string | undefined): k is Kind => k !== undefined && k in SCHEMAS;

/** The checks zod cannot express: the deterministic id and a positive length (DESIGN: series contract). */
function intervalProblems(rec: IntervalRecord, at = ""): string[] {
  const expected = seriesId(rec.meterId, rec.resolution, rec.intervalStart);
  const problems: string[] = [];
  if (rec.id !== expected) problems.push(`${at}id: expected ${expected}, got ${rec.id}`);
  if (!(Date.parse(rec.intervalEnd) > Date.parse(rec.intervalStart)))
    problems.push(`${at}intervalEnd: must be after intervalStart`);
  return problems;
}

/** `kind` from the application property, else recognised by the body's shape. */
function kindOf(msg: EventHubMessage, value: unknown): string | undefined {
  const prop = msg.properties?.kind;
  if (typeof prop === "string") return prop;
  if (typeof value !== "object" || value === null) return undefined;
  if ("intervalStart" in value) return "interval";
  if ("intervals" in value) return INTERVAL_BATCH_KIND;
  if ("readingTime" in value) return "reading";
  if ("severity" in value && "type" in value) return "event";
  return undefined;
}

function letterId(deviceId: string, msg: EventHubMessage, text: string): string {
  const mid = msg.systemProperties?.[SYSTEM_PROPERTY.messageId] ?? "";
  return createHash("sha256")
    .update(`${deviceId}\n${String(mid)}\n${text}`)
    .digest("hex")
    .slice(0, 32);
}

/**
 * Ingests one Event Hub batch. Each message is judged on its own: an invalid one is parked and
 * counted, never failing the batch. Only store failures throw (the trigger or the edge hub then
 * redelivers the batch, which is safe: every write is idempotent).
 */
export async function ingestBatch(
  messages: readonly EventHubMessage[],
  deps: IngestDeps,
): Promise<IngestResult> {
  const result: IngestResult = { accepted: 0, rejected: 0, parked: 0 };
  const intervals = new Map<string, IntervalWrite>();
  const readings = new Map<string, StoredReading>();
  const events = new Map<string, StoredEvent>();
  const letters = new Map<string, DeadLetter>();

  for (const msg of messages) {
    const text = bodyText(msg.body);
    const sys = msg.systemProperties ?? {};
    const enqueued = sys[SYSTEM_PROPERTY.enqueuedTime];
    const receivedAt =
      typeof enqueued === "string" || typeof enqueued === "number" || enqueued instanceof Date
        ? new Date(enqueued).toISOString()
        : new Date(0).toISOString();
    const identity = identityOf(msg);
    const park = (reason: string, issues: string[], extra: { kind?: string; meterId?: string } = {}) => {
      const deviceId = identity?.deviceId ?? "(unknown)";
      const id = letterId(deviceId, msg, text);
      letters.set(id, { id, deviceId, receivedAt, reason, issues, ...extra, body: text.slice(0, 8192) });
    };

    if (!identity) {
      park("missing-device-identity", [`system property ${SYSTEM_PROPERTY.deviceId} is absent`]);
      result.parked++;
      continue;
    }
    const parsed = parseBody(msg.body);
    if (!parsed.ok) {
      park("invalid-json", [parsed.reason]);
      result.parked++;
      continue;
    }
    const kind = kindOf(msg, parsed.value);
    if (!isKind(kind)) {
      park(
        "unsupported-kind",
        [`kind ${JSON.stringify(kind)} is not interval, intervals, reading or event`],
        {
          ...(kind ? { kind } : {}),
        },
      );
      result.parked++;
      continue;
    }
    const check = SCHEMAS[kind].safeParse(parsed.value);
    if (!check.success) {
      park(
        "schema-violation",
        check.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`),
        { kind },
      );
      result.parked++;
      continue;
    }
    if (kind === INTERVAL_BATCH_KIND) {
      // A batch is judged as a whole: one bad record parks the message (the edge sends it again only
      // as it was, so accepting part of it would hide the bad record behind the good ones).
      const batch = check.data as IntervalBatch;
      const problems = batch.intervals.flatMap((r, i) => intervalProblems(r, `intervals.${i}.`));
      const meters = [...new Set(batch.intervals.map((r) => r.meterId))];
      if (problems.length > 0) {
        park("schema-violation", problems, { kind, ...(meters.length === 1 ? { meterId: meters[0] } : {}) });
        result.parked++;
        continue;
      }
      const registered = new Map<string, MeterRecord>();
      const refused: string[] = [];
      for (const id of meters) {
        const meter = await deps.registry.get(id);
        if (meter && meter.deviceId === identity.deviceId) registered.set(id, meter);
        else refused.push(id);
      }
      if (refused.length > 0) {
        park(
          "meter-not-registered-to-device",
          refused.map((id) => `meter ${id} is not registered to device ${identity.deviceId}`),
          { kind, ...(refused.length === 1 ? { meterId: refused[0] } : {}) },
        );
        result.rejected++;
        continue;
      }
      result.accepted++;
      for (const rec of batch.intervals) {
        const meter = registered.get(rec.meterId)!;
        const row = rowFromInterval(rec, meter.householdId);
        intervals.set(`${row.meterId}|${row.resolution}|${row.start}`, { ...row, timeZone: meter.timeZone });
      }
      continue;
    }
    const value = check.data as IntervalRecord | MeterReading | Event;
    if (kind === "interval") {
      const rec = value as IntervalRecord;
      const problems = intervalProblems(rec);
      if (problems.length > 0) {
        park("schema-violation", problems, { kind, meterId: rec.meterId });
        result.parked++;
        continue;
      }
    }
    const meter: MeterRecord | undefined = await deps.registry.get(value.meterId);
    if (!meter || meter.deviceId !== identity.deviceId) {
      park(
        "meter-not-registered-to-device",
        [`meter ${value.meterId} is not registered to device ${identity.deviceId}`],
        { kind, meterId: value.meterId },
      );
      result.rejected++;
      continue;
    }
    result.accepted++;
    if (kind === "interval") {
      const row = rowFromInterval(value as IntervalRecord, meter.householdId);
      intervals.set(`${row.meterId}|${row.resolution}|${row.start}`, { ...row, timeZone: meter.timeZone });
    } else if (kind === "reading") {
      const r = value as MeterReading;
      readings.set(`${r.meterId}|${Date.parse(r.readingTime)}`, {
        householdId: meter.householdId,
        reading: r,
      });
    } else {
      const e = value as Event;
      events.set(e.id, { ...e, householdId: meter.householdId });
    }
  }

  await deps.store.writeIntervals([...intervals.values()]);
  await deps.store.writeReadings([...readings.values()]);
  await deps.store.writeEvents([...events.values()]);
  await deps.store.park([...letters.values()]);
  return result;
}
