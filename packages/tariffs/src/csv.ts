/**
 * Day-ahead prices as a simple CSV: one `start,price` line per slot, `start` an RFC 3339 instant with
 * an offset (`2026-01-01T00:00Z`, `2026-01-01T01:00+01:00`), `price` a decimal per MWh (as ENTSO-E
 * publishes) or per kWh. An optional `start,price` header; `#` lines are comments, where
 * `# currency=EUR unit=MWh resolution=PT60M` sets the defaults of the file (options override them).
 * Each slot lasts `resolution` (PT15M, PT30M or PT60M; default: the smallest step between two starts).
 */
import { fail, type Result } from "./errors";
import { scaled } from "./money";
import { type PriceSeries, type PriceSlot, priceSeries } from "./prices";

export interface CsvPriceOptions {
  currency?: string;
  unit?: "MWh" | "kWh";
  resolution?: "PT15M" | "PT30M" | "PT60M";
}

const STEPS: Readonly<Record<string, number>> = { PT15M: 900_000, PT30M: 1_800_000, PT60M: 3_600_000 };
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parsePriceCsv(csv: string, options: CsvPriceOptions = {}): Result<PriceSeries> {
  const settings: Record<string, string> = {};
  const rows: { start: number; price: number }[] = [];
  const lines = csv.split(/\r?\n/);
  const pending: { line: number; start: string; price: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") continue;
    if (line.startsWith("#")) {
      for (const m of line.matchAll(/(\w+)=(\S+)/g)) settings[m[1]!] = m[2]!;
      continue;
    }
    const cells = line.split(",").map((c) => c.trim());
    if (pending.length === 0 && rows.length === 0 && cells[0]?.toLowerCase() === "start") continue;
    if (cells.length !== 2)
      return fail("BAD_CSV", "expected two cells, start,price", {
        field: `line ${i + 1}`,
        expected: 2,
        actual: cells.length,
      });
    pending.push({ line: i + 1, start: cells[0]!, price: cells[1]! });
  }
  const currency = options.currency ?? settings.currency;
  if (!currency || !/^[A-Z]{3}$/.test(currency)) {
    return fail("BAD_CSV", "no currency (option or `# currency=EUR`)", {
      field: "currency",
      actual: currency ?? "",
    });
  }
  const unit = options.unit ?? settings.unit ?? "MWh";
  if (unit !== "MWh" && unit !== "kWh")
    return fail("BAD_CSV", "unit is MWh or kWh", { field: "unit", actual: unit });
  for (const p of pending) {
    const ms = INSTANT.test(p.start) ? Date.parse(p.start) : Number.NaN;
    if (Number.isNaN(ms))
      return fail("BAD_CSV", "start is not an RFC 3339 instant with offset", {
        field: `line ${p.line}`,
        actual: p.start,
      });
    // per MWh: 3 places → µ/kWh; per kWh: 6 places → µ/kWh
    const price = scaled(p.price, unit === "MWh" ? 3 : 6, `line ${p.line}`);
    if (!price.ok) return price;
    rows.push({ start: ms, price: price.value });
  }
  if (rows.length === 0) return fail("BAD_CSV", "no price lines", { field: "(file)" });
  rows.sort((a, b) => a.start - b.start);
  const res = options.resolution ?? settings.resolution;
  let step: number | undefined;
  if (res !== undefined) {
    step = STEPS[res];
    if (!step)
      return fail("BAD_CSV", "resolution not supported", {
        field: "resolution",
        expected: "PT15M|PT30M|PT60M",
        actual: res,
      });
  } else {
    for (let i = 1; i < rows.length; i++) {
      const d = rows[i]!.start - rows[i - 1]!.start;
      if (d > 0 && (step === undefined || d < step)) step = d;
    }
    if (step === undefined || !Object.values(STEPS).includes(step)) {
      return fail("BAD_CSV", "cannot infer the resolution; give `# resolution=PT60M`", {
        field: "resolution",
        actual: step ?? "one line",
      });
    }
  }
  const slots: PriceSlot[] = rows.map((r) => ({ start: r.start, end: r.start + step!, price: r.price }));
  return priceSeries(currency, slots);
}

/** The inverse, for the sample-price script and round-trip tests: `start,price` per MWh, UTC starts. */
export function formatPriceCsv(series: PriceSeries, header: readonly string[] = []): string {
  const out = [...header.map((h) => `# ${h}`), "start,price"];
  for (const s of series.slots) {
    const iso = new Date(s.start).toISOString().replace(":00.000Z", "Z");
    out.push(`${iso},${perMwh(s.price)}`);
  }
  return out.join("\n") + "\n";
}

/** µ/kWh → per-MWh decimal text with the trailing zeros dropped (87450 → "87.45"). */
function perMwh(price: number): string {
  const sign = price < 0 ? "-" : "";
  const a = Math.abs(price);
  const frac = String(a % 1000)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${Math.floor(a / 1000)}${frac ? `.${frac}` : ""}`;
}

export type { PriceSeries };
