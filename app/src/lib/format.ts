/**
 * Units and times as the household reads them: kW / kWh with sensible precision, times in the
 * household's time zone. Values arrive in SI base units (W, Wh) as the data contracts define them.
 */
import { formatOffset, localDateTime, offsetMs } from "@omdp/model/time";

const nf = new Map<string, Intl.NumberFormat>();

function num(value: number, decimals: number, locale?: string): string {
  const key = `${locale ?? ""}|${decimals}`;
  let f = nf.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale ?? "en-GB", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    nf.set(key, f);
  }
  return f.format(value === 0 ? 0 : value);
}

/** Power in kW: 3 decimals below 1 kW (watt resolution), 2 below 100 kW, 1 above. */
export function formatKw(watts: number | null | undefined, locale?: string): string {
  if (watts === null || watts === undefined || !Number.isFinite(watts)) return "–";
  const kw = watts / 1000;
  const abs = Math.abs(kw);
  const decimals = abs < 1 ? 3 : abs < 100 ? 2 : 1;
  return `${num(kw, decimals, locale)} kW`;
}

/** Energy in kWh with 3 decimals, i.e. to the Wh (registers are integral Wh). */
export function formatKwh(wh: number | null | undefined, locale?: string): string {
  if (wh === null || wh === undefined || !Number.isFinite(wh)) return "–";
  return `${num(wh / 1000, 3, locale)} kWh`;
}

/** kWh for chart axes and CSV: plain decimal point, no grouping, exact to the Wh. */
export function kwhPlain(wh: number): string {
  return (Math.round(wh) / 1000).toFixed(3);
}

export function formatVolts(v: number | null | undefined, locale?: string): string {
  return v === null || v === undefined || !Number.isFinite(v) ? "–" : `${num(v, 1, locale)} V`;
}

export function formatAmps(a: number | null | undefined, locale?: string): string {
  return a === null || a === undefined || !Number.isFinite(a) ? "–" : `${num(a, 2, locale)} A`;
}

/** Date and time in the household's zone, e.g. "3 Mar 2026, 14:05:09". */
export function formatDateTime(instant: number | string, timeZone: string, locale?: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return "–";
  return d.toLocaleString(locale ?? "en-GB", {
    timeZone,
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
}

/** Time of day in the household's zone, "14:05:09". */
export function formatTime(instant: number | string, timeZone: string, locale?: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return "–";
  return d.toLocaleTimeString(locale ?? "en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
}

/** ISO 8601 local time with the zone's offset, e.g. "2026-03-03T14:00:00+01:00" (for CSV). */
export function isoLocal(instantMs: number, timeZone: string): string {
  const off = Math.round(offsetMs(instantMs, timeZone) / 60_000);
  return `${localDateTime(instantMs, timeZone)}${formatOffset(off, "+00:00")}`;
}

/** "5 s ago", "3 min ago", "2 h ago" for freshness hints. */
export function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return `${Math.round(s / 3600)} h ago`;
}
