import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { CostPage } from "@omdp/tariffs";
import { getCosts, listIntervals } from "../api";
import type { AppContext, View } from "../context";
import { download, fill, h, statusLine } from "../dom";
import { formatDateTime, isoLocal } from "../lib/format";
import {
  type HistoryResolution,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  periodContaining,
  periodLabel,
  RESOLUTION_OF,
  shiftPeriod,
} from "../lib/period";
import type { Interval } from "../lib/records";
import { buildSeries, type HistorySeries, seriesCsv, visibleRange, windowStats } from "../lib/series";
import { bucketCosts, costResolution, windowCost } from "./cost-model";
import {
  baseLoadW,
  clipWindow,
  comparison,
  csvName,
  historyLag,
  isZoomed,
  panWindow,
  peakDemandW,
  switchKind,
  zoomWindow,
} from "./history-model";
import {
  chartData,
  chartOptions,
  renderLag,
  renderStats,
  renderTable,
  type ShownCosts,
} from "./history-render";

/** Loaded periods, by source, meter, resolution and range; the running period expires after 30 s. */
const cache = new Map<string, { at: number; records: Interval[] }>();

async function loadIntervals(
  ctx: AppContext,
  meterId: string,
  p: Period,
  resolution: HistoryResolution,
): Promise<Interval[]> {
  const source = ctx.cloud ? "cloud" : "edge";
  const key = `${source}|${meterId}|${resolution}|${p.start}|${p.end}`;
  const hit = cache.get(key);
  const running = p.end > Date.now();
  if (hit && (!running || Date.now() - hit.at < 30_000)) return hit.records;
  const from = new Date(p.start).toISOString();
  const to = new Date(p.end).toISOString();
  // The one intervals resource: the same path, parameters and page at the edge and in the cloud.
  const records = await listIntervals(ctx.cloud ?? ctx.edge, meterId, { from, to, resolution });
  cache.set(key, { at: Date.now(), records });
  return records;
}

/** Loaded cost pages, by source, meter, cost resolution and range (the running period: 30 s). */
const costCache = new Map<string, { at: number; page: CostPage | null }>();

async function loadCosts(
  ctx: AppContext,
  meterId: string,
  p: Period,
  resolution: HistoryResolution,
): Promise<CostPage | null> {
  const r = costResolution(resolution);
  const key = `${ctx.cloud ? "cloud" : "edge"}|${meterId}|${r}|${p.start}|${p.end}`;
  const hit = costCache.get(key);
  if (hit && (p.end <= Date.now() || Date.now() - hit.at < 30_000)) return hit.page;
  const q = { from: new Date(p.start).toISOString(), to: new Date(p.end).toISOString(), resolution: r };
  const page = await getCosts(ctx.cloud ?? ctx.edge, meterId, q);
  costCache.set(key, { at: Date.now(), page });
  return page;
}

/**
 * History: a calendar period of one meter (day/week/month/year in the household's zone) with the
 * previous one for comparison, zoom and pan inside it, totals, peak demand and base load of what is
 * shown, a table and the CSV of it. The arithmetic is in history-model, the drawing in history-render.
 */
export const historyView: View = (root, ctx) => {
  const tz = ctx.household.timeZone;
  const meters = ctx.household.meters;
  // `#/history?kind=year&meter=ID` opens a given view (links, bookmarks, the benchmark).
  const params = new URLSearchParams(location.hash.split("?")[1] ?? "");
  const askedMeter = params.get("meter");
  let meterId = meters.find((m) => m.id === askedMeter)?.id ?? meters[0]?.id ?? "";
  const askedKind = params.get("kind") as PeriodKind | null;
  let kind: PeriodKind = askedKind && PERIOD_KINDS.includes(askedKind) ? askedKind : "day";
  let period = periodContaining(kind, Date.now(), tz);
  let series: HistorySeries | null = null;
  /** Per-bucket costs of `series`, or why there are none; undefined while loading. */
  let costs: { currency: string; perBucket: ReturnType<typeof bucketCosts> } | string | undefined;
  let view = { from: period.start, to: period.end };
  let chart: uPlot | null = null;
  let generation = 0;
  let alive = true;
  const status = statusLine();

  const meterSelect = h(
    "select",
    { id: "history-meter", "aria-label": "Meter" },
    meters.map((m) => h("option", { value: m.id }, m.name ?? m.id)),
  );
  meterSelect.value = meterId;
  meterSelect.addEventListener("change", () => {
    meterId = meterSelect.value;
    void load();
  });
  const kindButtons = PERIOD_KINDS.map((k) =>
    h(
      "button",
      {
        type: "button",
        class: "seg",
        "data-kind": k,
        "aria-pressed": k === kind ? "true" : "false",
        onclick: () => {
          kind = k;
          period = switchKind(kind, period, Date.now());
          for (const b of kindButtons)
            b.setAttribute("aria-pressed", b.dataset.kind === k ? "true" : "false");
          void load();
        },
      },
      k[0]!.toUpperCase() + k.slice(1),
    ),
  );
  const label = h("h3", { id: "history-period", "aria-live": "polite" });
  const nav = (steps: number) => () => {
    period = steps === 0 ? periodContaining(kind, Date.now(), tz) : shiftPeriod(period, steps);
    void load();
  };
  const statsBox = h("section", { class: "stats", "aria-label": "Totals of the shown range" });
  const lag = h("p", { id: "history-lag", class: "muted small", hidden: true });
  const chartBox = h("div", {
    class: "chart",
    tabindex: "0",
    role: "img",
    "aria-label": "Energy chart. Arrow keys pan, plus and minus zoom, 0 resets.",
  });
  const tableBox = h("details", { class: "table-box" });
  const source = h("p", { class: "muted small" }, ctx.cloud ? "Source: cloud" : "Source: edge (detached)");

  const setWindow = (w: { from: number; to: number }, fromChart = false) => {
    view = clipWindow(period, w.from, w.to);
    if (!fromChart && chart) chart.setScale("x", { min: view.from / 1000, max: view.to / 1000 });
    renderShown();
  };
  const pan = (dir: number) => setWindow(panWindow(period, view, dir));
  const zoom = (factor: number) => setWindow(zoomWindow(period, view, factor));
  const reset = () => setWindow({ from: period.start, to: period.end });
  chartBox.addEventListener("keydown", (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === "ArrowLeft") pan(-1);
    else if (k === "ArrowRight") pan(1);
    else if (k === "+" || k === "=") zoom(0.5);
    else if (k === "-") zoom(2);
    else if (k === "0") reset();
    else return;
    e.preventDefault();
  });

  const csvButton = h(
    "button",
    {
      type: "button",
      id: "history-csv",
      onclick: () => {
        if (!series) return;
        const name = csvName(meterId, isoLocal(view.from, tz).slice(0, 10), kind);
        download(
          name,
          seriesCsv(series, view.from, view.to, meterId, typeof costs === "object" ? costs : undefined),
        );
      },
    },
    "Download CSV",
  );

  fill(
    root,
    h("h2", {}, "History"),
    h(
      "div",
      { class: "toolbar" },
      h("label", { for: "history-meter" }, "Meter "),
      meterSelect,
      h("div", { class: "segmented", role: "group", "aria-label": "Period" }, kindButtons),
    ),
    h(
      "div",
      { class: "toolbar" },
      h("button", { type: "button", onclick: nav(-1), "aria-label": "Previous period" }, "‹ Prev"),
      h("button", { type: "button", onclick: nav(0) }, "Current"),
      h("button", { type: "button", onclick: nav(1), "aria-label": "Next period" }, "Next ›"),
      h("button", { type: "button", onclick: () => pan(-1), "aria-label": "Pan left" }, "◀"),
      h("button", { type: "button", onclick: () => zoom(0.5), "aria-label": "Zoom in" }, "+"),
      h("button", { type: "button", onclick: () => zoom(2), "aria-label": "Zoom out" }, "−"),
      h("button", { type: "button", onclick: () => pan(1), "aria-label": "Pan right" }, "▶"),
      h("button", { type: "button", id: "history-reset", onclick: reset }, "Reset zoom"),
      csvButton,
    ),
    label,
    statsBox,
    lag,
    status.el,
    chartBox,
    tableBox,
    source,
  );

  function renderShown(): void {
    if (!series) return;
    const w = windowStats(series, view.from, view.to);
    const [a, b] = visibleRange(series.starts, view.from, view.to);
    const shown: ShownCosts | string | undefined =
      typeof costs === "object" ? { ...costs, total: windowCost(costs.perBucket, a, b) } : costs;
    renderStats(statsBox, {
      importWh: w.importWh,
      exportWh: w.exportWh,
      prevImportWh: w.prevImportWh,
      prevExportWh: w.prevExportWh,
      importVsPrev: comparison(w.importWh, w.prevImportWh),
      exportVsPrev: comparison(w.exportWh, w.prevExportWh),
      peakDemandW: peakDemandW(series.records, view.from, view.to),
      baseLoadW: baseLoadW(series.records, view.from, view.to),
      ...(shown !== undefined ? { costs: shown } : {}),
    });
    label.textContent = `${periodLabel(period)}${isZoomed(period, view) ? ` · ${formatDateTime(view.from, tz)} – ${formatDateTime(view.to, tz)}` : ""}`;
    renderTable(tableBox, series, view.from, view.to, tz, typeof shown === "object" ? shown : undefined);
  }

  function renderChart(): void {
    if (!series) return;
    const width = Math.max(280, chartBox.clientWidth || 600);
    const opts = chartOptions(width, tz, view.from, view.to, (from, to) => setWindow({ from, to }, true));
    chart?.destroy();
    chartBox.replaceChildren();
    chart = new uPlot(opts, chartData(series), chartBox);
  }

  async function load(): Promise<void> {
    const gen = ++generation;
    const resolution = RESOLUTION_OF[kind];
    const previous = shiftPeriod(period, -1);
    label.textContent = periodLabel(period);
    status.set("Loading…");
    root.dataset.painted = "";
    try {
      const [cur, prev] = await Promise.all([
        loadIntervals(ctx, meterId, period, resolution),
        loadIntervals(ctx, meterId, previous, resolution),
      ]);
      if (!alive || gen !== generation) return;
      series = buildSeries(period, previous, resolution, cur, prev);
      costs = undefined;
      const shownSeries = series;
      const shownPeriod = period;
      loadCosts(ctx, meterId, period, resolution)
        .then((page) => {
          if (!alive || gen !== generation) return;
          costs = page
            ? { currency: page.currency, perBucket: bucketCosts(shownSeries.starts, shownPeriod.end, page) }
            : "No tariff for this household.";
          renderShown();
        })
        .catch((err: Error) => {
          if (!alive || gen !== generation) return;
          costs = `Cost unavailable: ${err.message}`;
          renderShown();
        });
      view = { from: period.start, to: period.end };
      status.set(cur.length ? "" : "No data in this period.");
      renderLag(lag, historyLag(cur, period, Date.now()), tz);
      renderChart();
      renderShown();
      root.dataset.painted = "1";
      root.dataset.records = String(cur.length);
      performance.mark("omdp:history-painted");
    } catch (err) {
      if (alive && gen === generation)
        status.set(`Could not load history: ${(err as Error).message}`, "error");
    }
  }

  const resize = new ResizeObserver(() => {
    if (chart && chartBox.clientWidth && Math.abs(chart.width - chartBox.clientWidth) > 8) {
      chart.setSize({ width: chartBox.clientWidth, height: chart.height });
    }
  });
  resize.observe(chartBox);
  if (meterId) void load();
  else status.set("No meters configured for this household.", "error");

  return () => {
    alive = false;
    resize.disconnect();
    chart?.destroy();
  };
};
