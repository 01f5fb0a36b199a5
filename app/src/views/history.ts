import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import type { AppContext, View } from "../context";
import { download, fill, h, statusLine } from "../dom";
import { formatDateTime, formatKw, formatKwh, isoLocal, kwhPlain } from "../lib/format";
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
import { type Interval, normaliseIntervals, pageContinuation, pageItems } from "../lib/records";
import { buildSeries, type HistorySeries, seriesCsv, visibleRange, windowStats } from "../lib/series";
import { timeAxis, valueAxis } from "./axes";

const MAX_PAGES = 200;
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
  const id = encodeURIComponent(meterId);
  const items: unknown[] = [];
  if (ctx.cloud) {
    let continuationToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = await ctx.cloud.get(`/api/meters/${id}/readings`, {
        from,
        to,
        resolution,
        continuationToken,
      });
      items.push(...pageItems(body));
      const next = pageContinuation(body);
      if (!next) break;
      continuationToken = next;
    }
  } else {
    items.push(...pageItems(await ctx.edge.get(`/api/meters/${id}/intervals`, { from, to, resolution })));
  }
  const records = normaliseIntervals(items);
  cache.set(key, { at: Date.now(), records });
  return records;
}

const pct = (now: number, before: number): string => {
  if (before <= 0) return "";
  const d = ((now - before) / before) * 100;
  return ` (${d >= 0 ? "+" : ""}${d.toFixed(0)} % vs previous)`;
};

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
  let viewFrom = period.start;
  let viewTo = period.end;
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
          // Keep "now" in view when the shown period holds it; otherwise keep the start of the shown period.
          const now = Date.now();
          const anchor = period.start <= now && now < period.end ? now : period.start;
          period = periodContaining(kind, anchor, tz);
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
  const chartBox = h("div", {
    class: "chart",
    tabindex: "0",
    role: "img",
    "aria-label": "Energy chart. Arrow keys pan, plus and minus zoom, 0 resets.",
  });
  const tableBox = h("details", { class: "table-box" });
  const source = h("p", { class: "muted small" }, ctx.cloud ? "Source: cloud" : "Source: edge (detached)");

  const setWindow = (from: number, to: number, fromChart = false) => {
    viewFrom = Math.max(period.start, from);
    viewTo = Math.min(period.end, to);
    if (!fromChart && chart) chart.setScale("x", { min: viewFrom / 1000, max: viewTo / 1000 });
    renderStats();
  };
  const pan = (dir: number) => {
    const span = viewTo - viewFrom;
    const shift = span * 0.5 * dir;
    const from = Math.min(Math.max(period.start, viewFrom + shift), period.end - span);
    setWindow(from, from + span);
  };
  const zoom = (factor: number) => {
    const mid = (viewFrom + viewTo) / 2;
    const span = Math.max(900_000, Math.min(period.end - period.start, (viewTo - viewFrom) * factor));
    setWindow(mid - span / 2, mid + span / 2);
  };
  chartBox.addEventListener("keydown", (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === "ArrowLeft") pan(-1);
    else if (k === "ArrowRight") pan(1);
    else if (k === "+" || k === "=") zoom(0.5);
    else if (k === "-") zoom(2);
    else if (k === "0") setWindow(period.start, period.end);
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
        const name = `${meterId}_${isoLocal(viewFrom, tz).slice(0, 10)}_${kind}.csv`.replace(/[^\w.-]/g, "_");
        download(name, seriesCsv(series, viewFrom, viewTo, meterId));
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
      h(
        "button",
        { type: "button", id: "history-reset", onclick: () => setWindow(period.start, period.end) },
        "Reset zoom",
      ),
      csvButton,
    ),
    label,
    statsBox,
    status.el,
    chartBox,
    tableBox,
    source,
  );

  function renderStats(): void {
    if (!series) return;
    const w = windowStats(series, viewFrom, viewTo);
    const cell = (lbl: string, id: string, value: string, extra: string, data: Record<string, string>) =>
      h(
        "div",
        { class: "stat" },
        h("span", { class: "stat-label" }, lbl),
        h("output", { id, class: "stat-value", "aria-label": lbl, ...data }, value),
        extra ? h("span", { class: "muted small" }, extra) : null,
      );
    fill(
      statsBox,
      cell("Imported", "hist-import", formatKwh(w.importWh), pct(w.importWh, w.prevImportWh), {
        "data-wh": String(w.importWh),
      }),
      cell("Exported", "hist-export", formatKwh(w.exportWh), pct(w.exportWh, w.prevExportWh), {
        "data-wh": String(w.exportWh),
      }),
      cell(
        "Previous period",
        "hist-prev",
        formatKwh(w.prevImportWh),
        `${formatKwh(w.prevExportWh)} exported`,
        {
          "data-wh": String(w.prevImportWh),
        },
      ),
      cell("Peak demand", "hist-peak", formatKw(w.peakDemandW), "", {
        "data-w": String(w.peakDemandW ?? ""),
      }),
      cell("Base load", "hist-base", formatKw(w.baseLoadW), "", { "data-w": String(w.baseLoadW ?? "") }),
    );
    const zoomed = viewFrom > period.start || viewTo < period.end;
    label.textContent = `${periodLabel(period)}${zoomed ? ` · ${formatDateTime(viewFrom, tz)} – ${formatDateTime(viewTo, tz)}` : ""}`;
    renderTable();
  }

  function renderTable(): void {
    if (!series) return;
    const s = series;
    const [a, b] = visibleRange(s.starts, viewFrom, viewTo);
    const rows: HTMLElement[] = [];
    for (let i = a; i < b; i++) {
      rows.push(
        h(
          "tr",
          {},
          h("th", { scope: "row" }, formatDateTime(s.starts[i]!, tz)),
          h("td", {}, s.importWh[i] === null ? "" : kwhPlain(s.importWh[i]!)),
          h("td", {}, s.exportWh[i] === null ? "" : kwhPlain(s.exportWh[i]!)),
          h("td", {}, s.prevImportWh[i] === null ? "" : kwhPlain(s.prevImportWh[i]!)),
        ),
      );
    }
    fill(
      tableBox,
      h("summary", {}, `Table (${b - a} rows)`),
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", { scope: "col" }, "Start"),
            h("th", { scope: "col" }, "Imported kWh"),
            h("th", { scope: "col" }, "Exported kWh"),
            h("th", { scope: "col" }, "Previous kWh"),
          ),
        ),
        h("tbody", {}, rows),
      ),
    );
  }

  function renderChart(): void {
    if (!series) return;
    const s = series;
    const xs = s.starts.map((t) => t / 1000);
    // The chart holds Wh; the value axis picks Wh / kWh / MWh for its ticks.
    const neg = (v: number | null) => (v === null ? null : -v);
    const data: uPlot.AlignedData = [
      xs,
      s.importWh,
      s.exportWh.map(neg),
      s.prevImportWh,
      s.prevExportWh.map(neg),
    ];
    const width = Math.max(280, chartBox.clientWidth || 600);
    const bars = uPlot.paths.bars!({ size: [0.8, 40], align: 1 });
    const energy = (_u: uPlot, v: number | null) => (v === null ? "–" : formatKwh(Math.abs(v)));
    const opts: uPlot.Options = {
      width,
      height: Math.min(360, Math.max(220, Math.round(width * 0.45))),
      // Ticks fall on round times of the household's zone (lib/axis), labelled once each.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
      scales: { x: { time: true, min: viewFrom / 1000, max: viewTo / 1000 } },
      axes: [timeAxis(tz), valueAxis("Wh")],
      cursor: { drag: { x: true, y: false } },
      series: [
        {},
        { label: "Imported", value: energy, paths: bars, fill: "rgba(214,91,38,0.75)", stroke: "#b3461a" },
        { label: "Exported", value: energy, paths: bars, fill: "rgba(46,139,87,0.75)", stroke: "#23703f" },
        {
          label: "Previous imported",
          value: energy,
          stroke: "#666",
          dash: [4, 4],
          width: 1,
          paths: uPlot.paths.stepped!({ align: 1 }),
        },
        { label: "Previous exported", value: energy, stroke: "#2b7a4b", dash: [2, 4], width: 1, show: false },
      ],
      hooks: {
        setScale: [
          (u, key) => {
            if (key !== "x") return;
            const min = u.scales.x!.min;
            const max = u.scales.x!.max;
            if (min === undefined || max === undefined) return;
            setWindow(min * 1000, max * 1000, true);
          },
        ],
      },
    };
    chart?.destroy();
    chartBox.replaceChildren();
    chart = new uPlot(opts, data, chartBox);
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
      viewFrom = period.start;
      viewTo = period.end;
      status.set(cur.length ? "" : "No data in this period.");
      renderChart();
      renderStats();
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
