/**
 * Day-ahead prices from the ENTSO-E Transparency Platform (article 12.1.D, documentType A44), the
 * IEC 62325-451-3 `Publication_MarketDocument`. Sources for the rules checked below:
 * - ENTSO-E, "Transparency Platform RESTful API - user guide" (transparency.entsoe.eu, static content
 *   "web api/Guide.html"): responses are XML, every time in UTC.
 * - ENTSO-E Transparency Platform knowledge base, "time interval of a response" (article 12786431986964):
 *   a day of 12.1.D prices is the area's local day in UTC, e.g. 2016-04-05T22:00Z to 2016-04-06T22:00Z.
 * - Nordic MIG "DayAhead Prices - Publication_MarketDocument" v1.0 (2021): the tree
 *   `TimeSeries / Period (timeInterval, resolution) / Point (position, price.amount)`,
 *   `currency_Unit.name`, `price_Measure_Unit.name` (MWH).
 * Curve types (ENTSO-E code list, `curveType`): A01 sequential fixed size blocks (every position
 * present); A03 variable sized blocks (a position left out repeats the price of the one before it).
 * The XML itself is parsed by fast-xml-parser; this file only walks the documented tree.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { fail, ok, type Result } from "./errors";
import { scaled } from "./money";
import { type PriceSeries, type PriceSlot, priceSeries } from "./prices";

const RESOLUTIONS: Readonly<Record<string, number>> = {
  PT15M: 15 * 60_000,
  PT30M: 30 * 60_000,
  PT60M: 60 * 60_000,
  PT1H: 60 * 60_000,
};

const MAX_PERIOD_MS = 367 * 86_400_000;

const ARRAYS = new Set(["TimeSeries", "Period", "Point", "Reason"]);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false, // keep decimals as text: they are parsed exactly below
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function text(node: Node | undefined, key: string): string | undefined {
  const v = node?.[key];
  return typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : undefined;
}

function list(node: Node | undefined, key: string): Node[] {
  const v = node?.[key];
  return Array.isArray(v) ? (v as Node[]) : [];
}

/** `2016-01-01T23:00Z` (ESMP_DateTime, minutes, UTC) → ms; undefined when not a UTC time. */
function utc(s: string | undefined): number | undefined {
  if (!s || !/Z$/.test(s)) return undefined;
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The price slots of every TimeSeries of an A44 document, in µ-units per kWh of the document's
 * currency (price.amount is per MWh: 87.45 EUR/MWh = 87,450 µEUR/kWh, exact).
 */
export function parseEntsoeXml(xml: string): Result<PriceSeries> {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return fail("BAD_XML", valid.err.msg, { field: `line ${valid.err.line}, column ${valid.err.col}` });
  }
  let doc: Node;
  try {
    doc = parser.parse(xml) as Node;
  } catch (e) {
    // fast-xml-parser's validator lets a few broken documents through that its parser then throws on
    // (found by the fuzz test: an unclosed processing instruction); the library's throw ends here
    return fail("BAD_XML", e instanceof Error ? e.message : String(e), { field: "(document)" });
  }
  const ack = doc.Acknowledgement_MarketDocument as Node | undefined;
  if (ack) {
    const reason = list(ack, "Reason")[0];
    return fail("ENTSOE_ACKNOWLEDGEMENT", text(reason, "text") ?? "acknowledgement without reason", {
      field: "Acknowledgement_MarketDocument.Reason",
      actual: text(reason, "code"),
    });
  }
  const root = doc.Publication_MarketDocument as Node | undefined;
  if (!root) {
    return fail("BAD_ENTSOE", "not a Publication_MarketDocument", {
      field: "(root)",
      actual:
        Object.keys(doc)
          .filter((k) => !k.startsWith("?"))
          .join(",") || "(empty)",
    });
  }
  const type = text(root, "type");
  if (type !== "A44") {
    return fail("BAD_ENTSOE", "not a day-ahead price document", {
      field: "type",
      expected: "A44",
      actual: type ?? "",
    });
  }
  const series = list(root, "TimeSeries");
  if (series.length === 0) return fail("BAD_ENTSOE", "no TimeSeries", { field: "TimeSeries" });
  let currency: string | undefined;
  const slots: PriceSlot[] = [];
  for (let t = 0; t < series.length; t++) {
    const ts = series[t]!;
    const where = `TimeSeries[${t}]`;
    const cur = text(ts, "currency_Unit.name");
    if (!cur) return fail("BAD_ENTSOE", "no currency", { field: `${where}.currency_Unit.name` });
    if (currency && cur !== currency) {
      return fail("BAD_ENTSOE", "TimeSeries in different currencies", {
        field: `${where}.currency_Unit.name`,
        expected: currency,
        actual: cur,
      });
    }
    currency = cur;
    const unit = text(ts, "price_Measure_Unit.name");
    if (unit !== "MWH") {
      return fail("BAD_ENTSOE", "prices not per MWh", {
        field: `${where}.price_Measure_Unit.name`,
        expected: "MWH",
        actual: unit ?? "",
      });
    }
    const curve = text(ts, "curveType") ?? "A01";
    if (curve !== "A01" && curve !== "A03") {
      return fail("BAD_ENTSOE", "curve type not supported", {
        field: `${where}.curveType`,
        expected: "A01|A03",
        actual: curve,
      });
    }
    const periods = list(ts, "Period");
    if (periods.length === 0) return fail("BAD_ENTSOE", "no Period", { field: `${where}.Period` });
    for (let p = 0; p < periods.length; p++) {
      const r = periodSlots(periods[p]!, curve, `${where}.Period[${p}]`);
      if (!r.ok) return r;
      slots.push(...r.value);
    }
  }
  return priceSeries(currency!, slots);
}

function periodSlots(period: Node, curve: string, where: string): Result<PriceSlot[]> {
  const interval = period.timeInterval as Node | undefined;
  const start = utc(text(interval, "start"));
  const end = utc(text(interval, "end"));
  if (start === undefined || end === undefined || end <= start) {
    return fail("BAD_ENTSOE", "bad timeInterval", {
      field: `${where}.timeInterval`,
      actual: `${text(interval, "start") ?? "?"}/${text(interval, "end") ?? "?"}`,
    });
  }
  // the platform answers at most a year a query (user guide, 1.4 parameters); a longer period is a
  // damaged document, and would cost a slot per step
  if (end - start > MAX_PERIOD_MS) {
    return fail("BAD_ENTSOE", "period longer than a year", {
      field: `${where}.timeInterval`,
      expected: "<= 367 days",
      actual: `${(end - start) / 86_400_000} days`,
    });
  }
  const res = text(period, "resolution") ?? "";
  const step = RESOLUTIONS[res];
  if (!step)
    return fail("BAD_ENTSOE", "resolution not supported", {
      field: `${where}.resolution`,
      expected: "PT15M|PT30M|PT60M",
      actual: res,
    });
  if ((end - start) % step !== 0) {
    return fail("BAD_ENTSOE", "timeInterval not a whole number of resolution steps", {
      field: `${where}.timeInterval`,
      actual: (end - start) / 60_000,
    });
  }
  const count = (end - start) / step;
  const prices: (number | undefined)[] = new Array(count).fill(undefined);
  const points = list(period, "Point");
  for (let i = 0; i < points.length; i++) {
    const pt = points[i]!;
    const pos = Number(text(pt, "position"));
    const field = `${where}.Point[${i}]`;
    if (!Number.isInteger(pos) || pos < 1 || pos > count) {
      return fail("BAD_ENTSOE", "position outside the period", {
        field: `${field}.position`,
        expected: `1..${count}`,
        actual: text(pt, "position") ?? "",
      });
    }
    if (prices[pos - 1] !== undefined)
      return fail("BAD_ENTSOE", "position given twice", { field: `${field}.position`, actual: pos });
    // EUR/MWh with up to 3 decimals → µEUR/kWh (× 1000 / 1000 kWh per MWh = × 1000 in µ-units)
    const price = scaled(text(pt, "price.amount") ?? "", 3, `${field}.price.amount`);
    if (!price.ok) return price;
    prices[pos - 1] = price.value;
  }
  const slots: PriceSlot[] = [];
  let last: number | undefined;
  for (let i = 0; i < count; i++) {
    let price = prices[i];
    if (price === undefined) {
      if (curve === "A01" || last === undefined) {
        return fail("BAD_ENTSOE", "position missing", {
          field: `${where}.Point`,
          expected: i + 1,
          at: new Date(start + i * step).toISOString(),
        });
      }
      price = last; // A03: the block of the previous position goes on
    }
    last = price;
    slots.push({ start: start + i * step, end: start + (i + 1) * step, price });
  }
  return ok(slots);
}
