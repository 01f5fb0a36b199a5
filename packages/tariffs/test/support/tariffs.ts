import { parseTariff, type Tariff, type TariffInput } from "../../src/schema";

/** Parse a tariff a test writes inline; a schema error fails the test with its field. */
export function tariff(input: TariffInput): Tariff {
  const r = parseTariff(input);
  if (!r.ok) throw new Error(`test tariff rejected: ${r.error.message}`);
  return r.value;
}

export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: Error }): T {
  if (!r.ok) throw r.error;
  return r.value;
}

const Q = 900_000;

/** Intervals of `stepMs` from `startIso` for `count` steps, each with the Wh `f(i, startMs)` gives. */
export function series(
  meterId: string,
  startIso: string,
  stepMs: number,
  count: number,
  f: (i: number, start: number) => { importWh: number; exportWh?: number },
) {
  const t0 = Date.parse(startIso);
  return Array.from({ length: count }, (_, i) => {
    const s = t0 + i * stepMs;
    const e = f(i, s);
    return {
      meterId,
      start: s,
      end: s + stepMs,
      importWh: e.importWh,
      exportWh: e.exportWh ?? 0,
    };
  });
}

export { Q };
