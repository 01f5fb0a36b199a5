import { type ApiInterval, apiInterval, SERIES_RESOLUTIONS } from "../series/types";
import type { MeterRecord, Store } from "../store/port";

const PAGE = 5000;
const MAX_PAGES = 10_000;

/** Pages through a store query until it has no continuation (bounded). */
async function drain<T>(
  query: (token?: string) => Promise<{ items: T[]; continuationToken?: string }>,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await query(token);
    out.push(...page.items);
    token = page.continuationToken;
    if (!token) break;
  }
  return out;
}

export interface HouseholdData {
  readonly meters: MeterRecord[];
  readonly series: ApiInterval[];
  readonly readings: unknown[];
  readonly events: unknown[];
}

/** Everything stored for a household in [from, to): registry entries, intervals and rollups, readings, events. */
export async function collectHousehold(
  store: Store,
  householdId: string,
  from: number,
  to: number,
): Promise<HouseholdData> {
  const meters = await store.listMeters({ householdIds: [householdId] });
  const series: ApiInterval[] = [];
  const readings: unknown[] = [];
  for (const m of meters) {
    for (const resolution of SERIES_RESOLUTIONS) {
      const rows = await drain((t) =>
        store.querySeries({
          meterId: m.id,
          resolution,
          from,
          to,
          limit: PAGE,
          ...(t ? { continuationToken: t } : {}),
        }),
      );
      series.push(...rows.map(apiInterval));
    }
    readings.push(
      ...(await drain((t) =>
        store.queryReadings({ meterId: m.id, from, to, limit: PAGE, ...(t ? { continuationToken: t } : {}) }),
      )),
    );
  }
  const events = (
    await drain((t) =>
      store.queryEvents({
        householdIds: [householdId],
        from,
        to,
        limit: PAGE,
        ...(t ? { continuationToken: t } : {}),
      }),
    )
  ).map(({ householdId: _h, ...e }) => e);
  return { meters, series, readings, events };
}

/** JSON Lines: one `{ "record": kind, ...data }` object per line. */
export function toJsonLines(d: HouseholdData): string {
  const lines: string[] = [];
  for (const m of d.meters) lines.push(JSON.stringify({ record: "meter", ...m }));
  for (const s of d.series) lines.push(JSON.stringify({ record: s.derived ? "rollup" : "interval", ...s }));
  for (const r of d.readings) lines.push(JSON.stringify({ record: "reading", ...(r as object) }));
  for (const e of d.events) lines.push(JSON.stringify({ record: "event", ...(e as object) }));
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

const CSV_COLUMNS = [
  "meterId",
  "resolution",
  "intervalStart",
  "intervalEnd",
  "energyImportedWh",
  "energyExportedWh",
  "powerMinW",
  "powerAvgW",
  "powerMaxW",
  "sampleCount",
  "quality",
  "derived",
] as const;

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? "" : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV (RFC 4180) of the time series: intervals and rollups, one row each. */
export function toCsv(d: HouseholdData): string {
  const rows = [CSV_COLUMNS.join(",")];
  for (const s of d.series) rows.push(CSV_COLUMNS.map((c) => csvCell(s[c])).join(","));
  return `${rows.join("\r\n")}\r\n`;
}
