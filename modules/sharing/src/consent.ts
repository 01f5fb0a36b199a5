import {
  type Event,
  type IntervalRecord,
  type MeterReading,
  type PropertyKind,
  propertyDefinition,
  Rfc3339,
} from "@omdp/model";
import { z } from "zod";
import type { QueryResolution } from "./resolution";
import { bucketOf, rank } from "./resolution";
import type { StoredInterval } from "./rollup";

/**
 * What a consent can cover. Reading values and interval registers are grouped by the kind of their
 * OBIS property (packages/model catalogue); properties outside the catalogue are never shared.
 */
export const CONSENT_PROPERTIES = ["energy", "power", "grid", "temperature", "events"] as const;
export type ConsentProperty = (typeof CONSENT_PROPERTIES)[number];

/** `raw` permits MeterReadings; the others permit IntervalRecords rolled up to that resolution. */
export const CONSENT_RESOLUTIONS = ["raw", "PT15M", "PT1H", "P1D"] as const;
export type ConsentResolution = (typeof CONSENT_RESOLUTIONS)[number];

/** The recipient name of the cloud (IoT Hub `$upstream`). */
export const CLOUD = "cloud";

const KIND_GROUP: Record<PropertyKind, ConsentProperty | undefined> = {
  energy: "energy",
  volume: "energy",
  power: "power",
  flow: "power",
  voltage: "grid",
  current: "grid",
  powerFactor: "grid",
  temperature: "temperature",
  other: undefined,
};

/** The consent property that covers an OBIS property id, or undefined (never shared). */
export function groupOf(propertyId: string): ConsentProperty | undefined {
  const def = propertyDefinition(propertyId);
  return def ? KIND_GROUP[def.kind] : undefined;
}

export const Recipient = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, "recipient: 1-64 of A-Z a-z 0-9 . _ -");

/** Body of `POST /api/consents`. `until` absent or null: until revoked. */
export const ConsentRequest = z.object({
  recipient: Recipient,
  properties: z.array(z.enum(CONSENT_PROPERTIES)).min(1),
  resolution: z.enum(CONSENT_RESOLUTIONS),
  until: Rfc3339.nullable().optional(),
});
export type ConsentRequest = z.infer<typeof ConsentRequest>;

export interface Consent {
  id: string;
  recipient: string;
  properties: ConsentProperty[];
  resolution: ConsentResolution;
  grantedAt: string;
  grantedBy: string;
  until: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** A consent counts from its grant until `until` (exclusive) or its revocation. */
export function isActive(c: Consent, now: number): boolean {
  return c.revokedAt === null && (c.until === null || Date.parse(c.until) > now);
}

function active(consents: readonly Consent[], recipient: string, now: number): Consent[] {
  return consents.filter((c) => c.recipient === recipient && isActive(c, now));
}

/** Properties the recipient may receive as raw readings. */
export function rawProperties(
  consents: readonly Consent[],
  recipient: string,
  now: number,
): Set<ConsentProperty> {
  const out = new Set<ConsentProperty>();
  for (const c of active(consents, recipient, now))
    if (c.resolution === "raw") for (const p of c.properties) out.add(p);
  return out;
}

/**
 * Properties the recipient may receive in interval records of resolution `r`: the union over active
 * consents at `r` or finer (a record coarser than consented reveals less).
 */
export function intervalProperties(
  consents: readonly Consent[],
  recipient: string,
  r: QueryResolution,
  now: number,
): Set<ConsentProperty> {
  const out = new Set<ConsentProperty>();
  for (const c of active(consents, recipient, now)) {
    if (c.resolution === "raw") continue;
    if (rank(r) >= rank(c.resolution)) for (const p of c.properties) out.add(p);
  }
  return out;
}

export function eventsPermitted(consents: readonly Consent[], recipient: string, now: number): boolean {
  return active(consents, recipient, now).some((c) => c.properties.includes("events"));
}

/** A reading with only the values the allowed groups cover, or undefined when nothing is left. */
export function projectReading(r: MeterReading, allowed: Set<ConsentProperty>): MeterReading | undefined {
  const values = r.values.filter((v) => {
    const g = groupOf(v.property);
    return g !== undefined && allowed.has(g);
  });
  return values.length === 0 ? undefined : { ...r, values };
}

/**
 * An interval record as the allowed groups permit it: `energy` is required (the record's energy
 * fields are mandatory), power fields are nulled without `power`, registers filtered by group.
 */
export function projectInterval<T extends StoredInterval | IntervalRecord>(
  i: T,
  allowed: Set<ConsentProperty>,
): T | undefined {
  if (!allowed.has("energy")) return undefined;
  const registers: Record<string, number> = {};
  for (const [k, v] of Object.entries(i.registers)) {
    const g = groupOf(k);
    if (g !== undefined && allowed.has(g)) registers[k] = v;
  }
  const power = allowed.has("power");
  return {
    ...i,
    powerMinW: power ? i.powerMinW : null,
    powerAvgW: power ? i.powerAvgW : null,
    powerMaxW: power ? i.powerMaxW : null,
    registers,
  };
}

export type Inbound =
  | { kind: "reading"; body: MeterReading }
  | { kind: "interval"; body: StoredInterval | IntervalRecord }
  | { kind: "event"; body: Event };

export type Outbound = Inbound;

/**
 * The pure upstream selection: what of one message the recipient's consents permit at `now`
 * (nothing, or the message projected onto the permitted properties). Interval records finer than a
 * consent are not sent as such; see `rollupTargets`.
 */
export function select(
  msg: Inbound,
  consents: readonly Consent[],
  recipient: string,
  now: number,
): Outbound | undefined {
  switch (msg.kind) {
    case "reading": {
      const body = projectReading(msg.body, rawProperties(consents, recipient, now));
      return body ? { kind: "reading", body } : undefined;
    }
    case "interval": {
      const allowed = intervalProperties(consents, recipient, msg.body.resolution, now);
      const body = projectInterval(msg.body, allowed);
      return body ? { kind: "interval", body } : undefined;
    }
    case "event":
      return eventsPermitted(consents, recipient, now) ? msg : undefined;
  }
}

/**
 * Consented resolutions coarser than the record whose bucket this record completes (its end is the
 * bucket's end in the household's time zone): the caller then sends the rolled-up record.
 */
export function rollupTargets(
  record: Pick<StoredInterval, "resolution" | "intervalEnd">,
  consents: readonly Consent[],
  recipient: string,
  now: number,
  timeZone: string,
): { resolution: QueryResolution; start: number; end: number }[] {
  const out: { resolution: QueryResolution; start: number; end: number }[] = [];
  const end = Date.parse(record.intervalEnd);
  const seen = new Set<string>();
  for (const c of active(consents, recipient, now)) {
    if (c.resolution === "raw" || !c.properties.includes("energy")) continue;
    if (rank(c.resolution) <= rank(record.resolution) || seen.has(c.resolution)) continue;
    seen.add(c.resolution);
    const b = bucketOf(end - 1, c.resolution, timeZone);
    if (b.end === end) out.push({ resolution: c.resolution, start: b.start, end: b.end });
  }
  return out;
}
