/**
 * Telegram to the platform's MeterReading (DESIGN.md), as @omdp/dlms's toMeterReading does for a push:
 * property ids from the OBIS catalogue of @omdp/model, SI units without prefixes, energy registers as
 * integer Wh/varh, numbers only (texts, ids, counters and profile buffers stay in the telegram).
 * - Electricity (A = 1): every numeric object under its own id (`1-0:1.8.1`, Fluvius `1-0:1.6.0`), with
 *   the totals `1-0:1.8.0` / `1-0:2.8.0` derived from the tariff registers where the meter sends none.
 * - M-Bus channels (DSMR 5.0.2 clause 6.12, `0-n:24.1.0` device type, `0-n:24.2.1` last capture): named
 *   by their medium as DLMS names them (gas 7-0:3.0.0, water 8-0:1.0.0, warm water 9-0:1.0.0, heat
 *   6-0:1.0.0 in Wh); B is 0 for the first channel of a medium, else the channel number.
 * - Reading time: 0-0:1.0.0 where its S/W flag places it in time, else the reception time.
 */
import { type MeterReading, type PropertyValue, SCHEMA_VERSION } from "@omdp/model";
import type { DsmrObject } from "./objects";
import type { DsmrTelegram } from "./telegram";
import { derivedTotals } from "./values";

export interface DsmrReadingContext {
  /** The registry's id; default: the equipment id (0-0:96.1.1), else `fallbackId`. */
  readonly meterId?: string;
  /** Used when the telegram names no equipment (Smarty: the system title's id). */
  readonly fallbackId?: string;
  readonly gatewayId: string;
  readonly transport: MeterReading["source"]["transport"];
  readonly receivedAt: Date;
}

/** M-Bus device type (EN 13757-3 table 6) -> the catalogue id and unit of its register. */
const CHANNEL_PROPERTY: ReadonlyMap<number, { a: number; cde: string; unit: string }> = new Map([
  [3, { a: 7, cde: "3.0.0", unit: "m3" }],
  [7, { a: 8, cde: "1.0.0", unit: "m3" }],
  [6, { a: 9, cde: "1.0.0", unit: "m3" }],
  [4, { a: 6, cde: "1.0.0", unit: "Wh" }],
  [12, { a: 6, cde: "1.0.0", unit: "Wh" }],
]);
/** Capture objects of a channel, preferred first: temperature-corrected, not corrected, DSMR 2.2/3. */
const CAPTURES = ["24.2.1", "24.2.3", "24.3.0"] as const;

export function toMeterReading(t: DsmrTelegram, ctx: DsmrReadingContext): MeterReading {
  const values = electricityValues(t);
  for (const v of channelValues(t.objects)) values.push(v);
  const receivedAt = ctx.receivedAt.toISOString();
  const meterId = ctx.meterId ?? t.equipmentId ?? ctx.fallbackId ?? "unknown";
  return {
    schemaVersion: SCHEMA_VERSION,
    meterId: meterId.slice(0, 64) || "unknown",
    readingTime: t.time?.iso ?? receivedAt,
    receivedAt,
    source: { protocol: "dsmr", transport: ctx.transport, gatewayId: ctx.gatewayId },
    values,
  };
}

/**
 * The numbers of toReadingValues whose id is of electricity (A = 1), energy rounded to whole units;
 * read from the objects directly (the same selection: registers and timestamped values, no profile
 * buffers, then the derived totals), without building the text and time values first.
 */
function electricityValues(t: DsmrTelegram): PropertyValue[] {
  const out: PropertyValue[] = [];
  for (const o of t.objects) {
    const v = o.value;
    if (v === undefined || o.shape === "profile" || !isElectricity(o.obis)) continue;
    out.push({ property: o.obis, value: isEnergy(v.unit) ? Math.round(v.value) : v.value, unit: v.unit });
  }
  for (const d of derivedTotals(t)) out.push({ ...d, value: Math.round(d.value as number) });
  return out;
}

/** `1-...`: value group A = 1. */
function isElectricity(obis: string): boolean {
  return obis.charCodeAt(0) === 0x31 && obis.charCodeAt(1) === 0x2d;
}

/** Energy units (integer Wh, varh, VAh in the reading), compared directly: this runs for every value. */
function isEnergy(unit: string): boolean {
  return unit === "Wh" || unit === "varh" || unit === "VAh";
}

const CHANNEL = /^0-(\d+):(24\.\d+\.\d+)$/;

function channelValues(objects: readonly DsmrObject[]): PropertyValue[] {
  const byChannel = new Map<number, { type?: number; capture?: DsmrObject; rank: number }>();
  for (const o of objects) {
    if (!o.obis.startsWith("0-") || !o.obis.includes(":24.")) continue;
    const m = CHANNEL.exec(o.obis);
    if (m === null) continue;
    const n = Number(m[1]);
    const c = byChannel.get(n) ?? { rank: CAPTURES.length };
    if (m[2] === "24.1.0" && o.value !== undefined) c.type = o.value.value;
    const rank = CAPTURES.indexOf(m[2] as (typeof CAPTURES)[number]);
    if (rank >= 0 && rank < c.rank && o.value !== undefined) {
      c.capture = o;
      c.rank = rank;
    }
    byChannel.set(n, c);
  }
  const out: PropertyValue[] = [];
  const seenMedia = new Set<number>();
  for (const [n, c] of [...byChannel].sort((x, y) => x[0] - y[0])) {
    const v = c.capture?.value;
    if (v === undefined) continue;
    // DSMR 2.2/3 channels without a device type carry gas (0-n:24.3.0)
    const p = CHANNEL_PROPERTY.get(c.type ?? 3);
    if (p === undefined) continue;
    const value = p.unit === "Wh" && v.unit === "J" ? Math.round(v.value / 3600) : v.value;
    if (v.unit !== p.unit && !(p.unit === "Wh" && v.unit === "J")) continue;
    const b = seenMedia.has(p.a) ? n : 0;
    seenMedia.add(p.a);
    out.push({ property: `${p.a}-${b}:${p.cde}`, value, unit: p.unit });
  }
  return out;
}
