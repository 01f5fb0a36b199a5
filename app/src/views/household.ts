import { listIntervals } from "../api";
import type { View } from "../context";
import { fill, h, statusLine } from "../dom";
import { periodContaining } from "../lib/period";
import { householdMedia, latestReading, type MeterData } from "./household-model";
import { renderMediumSection } from "./household-render";

const REFRESH_MS = 30_000;

/**
 * Household: each medium the household meters (electricity first, then water, heat, gas, heat cost
 * allocators), every meter's latest values and today's / this month's consumption. Latest values from
 * the edge; consumption from the intervals resource (the cloud, or the edge when detached).
 */
export const householdView: View = (root, ctx) => {
  const tz = ctx.household.timeZone;
  const status = statusLine();
  const body = h("div", { id: "household-media" });
  let alive = true;
  fill(root, h("h2", {}, "Household"), status.el, body);

  const iso = (t: number) => new Date(t).toISOString();
  const meterData = async (id: string): Promise<MeterData> => {
    const now = Date.now();
    const d = periodContaining("day", now, tz);
    const m = periodContaining("month", now, tz);
    const series = ctx.cloud ?? ctx.edge;
    const [latest, today, month] = await Promise.all([
      ctx.edge.get(`/api/meters/${encodeURIComponent(id)}/latest`).catch(() => null),
      listIntervals(series, id, { from: iso(d.start), to: iso(d.end), resolution: "P1D" }).catch(() => []),
      listIntervals(series, id, { from: iso(m.start), to: iso(m.end), resolution: "P1M" }).catch(() => []),
    ]);
    return { latest: latestReading(latest), today, month };
  };

  const refresh = async () => {
    const meters = ctx.household.meters;
    if (meters.length === 0) {
      status.set("No meters configured for this household.", "error");
      return;
    }
    const entries = await Promise.all(meters.map(async (m) => [m.id, await meterData(m.id)] as const));
    if (!alive) return;
    const sections = householdMedia(meters, new Map(entries));
    fill(
      body,
      sections.map((s) => renderMediumSection(s, tz)),
    );
    const read = entries.filter(([, d]) => d.latest).length;
    status.set(read === meters.length ? "" : `${meters.length - read} meter(s) without a reading yet.`);
    root.dataset.painted = "1";
  };

  void refresh();
  const timer = setInterval(() => void refresh(), REFRESH_MS);
  return () => {
    alive = false;
    clearInterval(timer);
  };
};
