import { type Api, getCosts, getPrices } from "../api";
import type { View } from "../context";
import { fill, h, statusLine } from "../dom";
import { type LiveSnapshot, snapshotFromReading } from "../lib/live";
import { periodContaining } from "../lib/period";
import { pageItems } from "../lib/records";
import { capacityPeak, priceCurve, todayCost } from "./cost-model";
import { householdTotals, householdTrend, subMeterIds, trendRange } from "./live-model";
import { renderCostTiles, renderMeterCard, renderTotals, stat } from "./live-render";
import { createPriceChart } from "./price-chart";
import { createTrend, TREND_WINDOW_MS } from "./trend";

/** Readings the edge kept for a meter in [from, to), oldest first, as snapshots. */
async function readings(edge: Api, meterId: string, from: number, to: number, limit: number) {
  const body = await edge.get(`/api/meters/${encodeURIComponent(meterId)}/readings`, {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    limit,
  });
  return pageItems(body)
    .map(snapshotFromReading)
    .filter((s): s is LiveSnapshot => s !== null);
}

/**
 * Live: the household's power and today's energy, a trend of the last minutes (preloaded from the edge,
 * then fed by the stream), and one card per meter.
 */
export const liveView: View = (root, ctx) => {
  const tz = ctx.household.timeZone;
  const meters = ctx.household.meters;
  const snaps = new Map<string, LiveSnapshot>();
  const base = new Map<string, LiveSnapshot>();
  const status = statusLine();
  let painted = false;

  const tiles = {
    imp: stat("Import now", "live-import"),
    exp: stat("Export now", "live-export"),
    todayImp: stat("Imported today", "live-today-import"),
    todayExp: stat("Exported today", "live-today-export"),
    costToday: stat("Cost today", "live-cost-today"),
    monthPeak: stat("Month's capacity peak", "live-month-peak"),
  };
  const cards = new Map<string, HTMLElement>();
  const trend = createTrend(tz);
  const priceChart = createPriceChart(tz);

  fill(
    root,
    h("h2", {}, "Live"),
    h(
      "section",
      { class: "stats", "aria-label": `Household ${ctx.household.name}` },
      tiles.imp.el,
      tiles.exp.el,
      tiles.todayImp.el,
      tiles.todayExp.el,
      tiles.costToday.el,
      tiles.monthPeak.el,
    ),
    trend.el,
    priceChart.el,
    status.el,
    h(
      "div",
      { class: "meters" },
      meters.map((m) => {
        const card = h("section", { class: "card meter", "data-meter": m.id, "aria-label": `Meter ${m.id}` });
        cards.set(m.id, card);
        return card;
      }),
    ),
  );
  if (meters.length === 0) status.set("No meters configured for this household.", "error");

  const renderMeter = (id: string) => {
    const card = cards.get(id);
    if (card)
      renderMeterCard(
        card,
        id,
        meters.find((m) => m.id === id),
        snaps.get(id),
        base.get(id),
        tz,
      );
  };

  const update = () => {
    const t = householdTotals(snaps.values(), base, meters);
    if (t.meters) trend.push(t.newest, t.importW, t.exportW);
    renderTotals(tiles, t);
    if (t.meters && !painted) {
      painted = true;
      root.dataset.painted = "1";
      performance.mark("omdp:live-painted");
    }
  };

  const accept = (raw: unknown) => {
    const s = snapshotFromReading(raw);
    if (!s || !cards.has(s.meterId)) return;
    const prev = snaps.get(s.meterId);
    if (prev && prev.at > s.at) return;
    snaps.set(s.meterId, s);
    // The first reading of the day is today's baseline when the edge has none older (just started).
    if (!base.has(s.meterId)) base.set(s.meterId, s);
    renderMeter(s.meterId);
    update();
  };

  for (const m of meters) renderMeter(m.id);
  const unsubscribe = ctx.stream.subscribe(accept);
  let alive = true;
  const midnight = periodContaining("day", Date.now(), tz).start;
  const sub = subMeterIds(meters);
  // Latest values first (fast first paint), then today's baselines and the trend's last minutes.
  void Promise.all(
    meters.map(async (m) => {
      try {
        const latest = await ctx.edge.get(`/api/meters/${encodeURIComponent(m.id)}/latest`);
        if (alive) accept((latest as { reading?: unknown })?.reading ?? latest);
      } catch (err) {
        if (alive) status.set(`Latest values unavailable: ${(err as Error).message}`, "error");
      }
      try {
        const [b] = await readings(ctx.edge, m.id, midnight, Date.now(), 1);
        if (alive && b) {
          base.set(m.id, b);
          renderMeter(m.id);
          update();
        }
      } catch {
        // keep the first live reading as the baseline
      }
    }),
  ).then(async () => {
    const newest = Math.max(0, ...[...snaps.values()].filter((s) => !sub.has(s.meterId)).map((s) => s.at));
    if (!alive || newest === 0) return;
    const { from, to } = trendRange(newest, TREND_WINDOW_MS);
    const kept = await Promise.all(
      meters
        .filter((m) => !sub.has(m.id))
        .map((m) => readings(ctx.edge, m.id, from, to, 1000).catch(() => [])),
    );
    if (alive) trend.seed(householdTrend(kept.flat(), meters));
  });

  // Today's cost and the month's capacity peak of the (first) main meter, from the edge's cost
  // resource (works detached); refreshed every 5 minutes as quarter hours close.
  const priced = meters.find((m) => !sub.has(m.id));
  const loadCosts = async () => {
    if (!priced) return;
    const day = periodContaining("day", Date.now(), tz);
    const month = periodContaining("month", Date.now(), tz);
    const iso = (t: number) => new Date(t).toISOString();
    try {
      const [d, m] = await Promise.all([
        getCosts(ctx.edge, priced.id, { from: iso(day.start), to: iso(day.end), resolution: "P1D" }),
        getCosts(ctx.edge, priced.id, { from: iso(month.start), to: iso(month.end), resolution: "P1M" }),
      ]);
      if (!alive) return;
      if (!d || !m) renderCostTiles(tiles.costToday, tiles.monthPeak, "No tariff for this household.", tz);
      else
        renderCostTiles(
          tiles.costToday,
          tiles.monthPeak,
          { currency: d.currency, today: todayCost(d), peak: capacityPeak(m) },
          tz,
        );
    } catch (err) {
      if (alive)
        renderCostTiles(tiles.costToday, tiles.monthPeak, `Cost unavailable: ${(err as Error).message}`, tz);
    }
    // The day-ahead prices of today and tomorrow (tomorrow's as far as published).
    try {
      const tomorrow = periodContaining("day", day.end, tz);
      const page = await getPrices(ctx.edge, priced.id, { from: iso(day.start), to: iso(tomorrow.end) });
      if (alive) priceChart.show(page?.items.length ? priceCurve(page, Date.now()) : "");
    } catch (err) {
      if (alive) priceChart.show(`Prices unavailable: ${(err as Error).message}`);
    }
  };
  void loadCosts();
  const costTimer = setInterval(() => void loadCosts(), 300_000);

  return () => {
    clearInterval(costTimer);
    priceChart.destroy();
    alive = false;
    unsubscribe();
    trend.destroy();
  };
};
