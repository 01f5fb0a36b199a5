/**
 * Reading a `/metrics` answer in tests with a Prometheus text-format parser from npm
 * (parse-prometheus-text-format: prom2json-compatible, its sample parser ported from the official Python
 * client), so the tests check what a Prometheus server would read, not our own rendering.
 */
import parsePrometheusTextFormat, { type PromFamily, type PromSample } from "parse-prometheus-text-format";

export type { PromFamily, PromSample };

export function parseMetrics(text: string): Map<string, PromFamily> {
  return new Map(parsePrometheusTextFormat(text).map((f) => [f.name, f]));
}

/** The sample of `name` whose labels include `labels` (undefined when none). */
export function sample(
  families: Map<string, PromFamily>,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): PromSample | undefined {
  return families
    .get(name)
    ?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
}

/** The numeric value of a counter or gauge sample (NaN when there is none). */
export function value(
  families: Map<string, PromFamily>,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): number {
  const s = sample(families, name, labels);
  return s?.value === undefined ? Number.NaN : Number(s.value);
}

/** GET a metrics endpoint and parse it; also returns the content type. */
export async function scrape(
  url: string,
): Promise<{ contentType: string; families: Map<string, PromFamily> }> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}`);
  return { contentType: res.headers.get("content-type") ?? "", families: parseMetrics(await res.text()) };
}

/**
 * One series of a histogram: its buckets (upper bound to cumulative count), count and sum.
 * parse-prometheus-text-format folds every series of a histogram into one and keeps `_sum`/`_count` only
 * for a histogram without labels, so the text is cut to the one series first: its `_bucket` lines under
 * the family's TYPE line (buckets are kept with their labels), and its `_sum` and `_count` lines each as
 * a family of its own (an untyped sample keeps its labels).
 */
export function histogram(
  text: string,
  name: string,
  labels: Readonly<Record<string, string>>,
): { buckets: [string, number][]; count: number; sum: number } {
  const lines = text.split("\n");
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const ofSeries = (suffix: string) =>
    lines.filter((l) => l.startsWith(`${name}${suffix}{`) && want.every((w) => l.includes(w)));
  const bucketText = [`# TYPE ${name} histogram`, ...ofSeries("_bucket"), ""].join("\n");
  const family = parsePrometheusTextFormat(bucketText)[0];
  // ordered by upper bound (an object's integer-like keys such as "1" would come first)
  const buckets = Object.entries(family?.metrics[0]?.buckets ?? {})
    .map(([le, n]): [string, number] => [le, Number(n)])
    .sort(([a], [b]) => Number(a) - Number(b));
  const single = (suffix: string): number => {
    const f = parseMetrics([`# TYPE ${name}${suffix} untyped`, ...ofSeries(suffix), ""].join("\n"));
    return value(f, `${name}${suffix}`, labels);
  };
  return { buckets, count: single("_count"), sum: single("_sum") };
}
