import { Rfc3339 } from "@omdp/model";
import { badParameter } from "./errors";

/** An optional RFC 3339 time parameter (with offset) as epoch milliseconds. */
export function timeParam(q: URLSearchParams, name: string, fallback: number): number {
  const raw = q.get(name);
  if (raw === null || raw === "") return fallback;
  if (!Rfc3339.safeParse(raw).success)
    throw badParameter(
      name,
      `expected an RFC 3339 date-time with offset, e.g. 2026-01-31T00:00:00Z; got "${raw}"`,
    );
  return Date.parse(raw);
}

/** `from` and `to` with `from < to`; `to` defaults to now and `from` to `to - span`. */
export function rangeParams(q: URLSearchParams, now: number, spanMs: number): { from: number; to: number } {
  const to = timeParam(q, "to", now);
  const from = timeParam(q, "from", to - spanMs);
  if (from >= to) throw badParameter("from", "must be before to");
  return { from, to };
}

export function intParam(
  q: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = q.get(name);
  if (raw === null || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw badParameter(name, `expected an integer from ${min} to ${max}; got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw badParameter(name, `expected an integer from ${min} to ${max}; got ${n}`);
  return n;
}

/** An optional string parameter (e.g. a meter id filter). */
export function stringParam(q: URLSearchParams, name: string, maxLength = 64): string | undefined {
  const raw = q.get(name);
  if (raw === null || raw === "") return undefined;
  if (raw.length > maxLength) throw badParameter(name, `longer than ${maxLength} characters`);
  return raw;
}
