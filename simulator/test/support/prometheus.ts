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
