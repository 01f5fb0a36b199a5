/** The History view's DOM and chart: totals tiles, the table and the uPlot options (no arithmetic here). */
import uPlot from "uplot";
import { fill, h } from "../dom";
import { formatDateTime, formatKw, formatKwh, formatTime, kwhPlain } from "../lib/format";
import { type HistorySeries, visibleRange } from "../lib/series";
import { timeAxis, valueAxis } from "./axes";
import { breakdownText, type Cost, formatMoney } from "./cost-model";

/** Costs of the shown buckets (from the cost resource), or why there are none. */
export interface ShownCosts {
  readonly currency: string;
  readonly perBucket: readonly (Cost | null)[];
  /** The shown window's sum; null without costs in it. */
  readonly total: Cost | null;
}

export interface ShownStats {
  readonly importWh: number;
  readonly exportWh: number;
  readonly prevImportWh: number;
  readonly prevExportWh: number;
  readonly importVsPrev: string;
  readonly exportVsPrev: string;
  readonly peakDemandW: number | null;
  readonly baseLoadW: number | null;
  /** Costs, or the reason they are missing (no tariff, no prices); undefined while loading. */
  readonly costs?: ShownCosts | string;
}

export function renderStats(box: HTMLElement, w: ShownStats): void {
  const cell = (lbl: string, id: string, value: string, extra: string, data: Record<string, string>) =>
    h(
      "div",
      { class: "stat" },
      h("span", { class: "stat-label" }, lbl),
      h("output", { id, class: "stat-value", "aria-label": lbl, ...data }, value),
      extra ? h("span", { class: "muted small" }, extra) : null,
    );
  fill(
    box,
    cell("Imported", "hist-import", formatKwh(w.importWh), w.importVsPrev, { "data-wh": String(w.importWh) }),
    cell("Exported", "hist-export", formatKwh(w.exportWh), w.exportVsPrev, { "data-wh": String(w.exportWh) }),
    cell("Previous period", "hist-prev", formatKwh(w.prevImportWh), `${formatKwh(w.prevExportWh)} exported`, {
      "data-wh": String(w.prevImportWh),
    }),
    cell("Peak demand", "hist-peak", formatKw(w.peakDemandW), "", { "data-w": String(w.peakDemandW ?? "") }),
    cell("Base load", "hist-base", formatKw(w.baseLoadW), "", { "data-w": String(w.baseLoadW ?? "") }),
    costCell(w.costs),
  );
}

/** The cost tile: the window's total, its breakdown on hover and below it. */
function costCell(c: ShownCosts | string | undefined): HTMLElement {
  const total = typeof c === "object" ? c.total : null;
  const value = typeof c === "object" ? formatMoney(total?.total, c.currency) : "–";
  const detail = typeof c === "object" ? (total ? breakdownText(total, c.currency) : "") : (c ?? "…");
  return h(
    "div",
    { class: "stat", title: detail },
    h("span", { class: "stat-label" }, "Cost"),
    h(
      "output",
      {
        id: "hist-cost",
        class: "stat-value",
        "aria-label": "Cost",
        "data-micros": String(total?.total ?? ""),
      },
      value,
    ),
    detail ? h("span", { id: "hist-cost-detail", class: "muted small" }, detail) : null,
  );
}

/** The hint that History ends at the last closed interval (Live is ahead of it). */
export function renderLag(el: HTMLElement, lag: { upTo: number } | null, timeZone: string): void {
  el.hidden = lag === null;
  el.textContent = lag
    ? `Intervals up to ${formatTime(lag.upTo, timeZone).slice(0, 5)}: the running quarter hour appears here when it closes; Live shows the newest readings.`
    : "";
}

export function renderTable(
  box: HTMLElement,
  s: HistorySeries,
  from: number,
  to: number,
  tz: string,
  costs?: ShownCosts,
): void {
  const [a, b] = visibleRange(s.starts, from, to);
  const rows: HTMLElement[] = [];
  const cellOf = (v: number | null | undefined) => (v === null || v === undefined ? "" : kwhPlain(v));
  for (let i = a; i < b; i++) {
    rows.push(
      h(
        "tr",
        {},
        h("th", { scope: "row" }, formatDateTime(s.starts[i]!, tz)),
        h("td", {}, cellOf(s.importWh[i])),
        h("td", {}, cellOf(s.exportWh[i])),
        h("td", {}, cellOf(s.prevImportWh[i])),
        costs ? costTd(costs.perBucket[i] ?? null, costs.currency) : null,
      ),
    );
  }
  fill(
    box,
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
          costs ? h("th", { scope: "col" }, `Cost ${costs.currency}`) : null,
        ),
      ),
      h("tbody", {}, rows),
    ),
  );
}

function costTd(c: Cost | null, currency: string): HTMLElement {
  if (!c) return h("td", {}, "");
  return h(
    "td",
    { title: breakdownText(c, currency) },
    formatMoney(c.total, currency).replace(` ${currency}`, ""),
  );
}

/** Bars of this period's energy (Wh; exports below the axis) and the previous period as steps. */
export function chartData(s: HistorySeries): uPlot.AlignedData {
  const neg = (v: number | null) => (v === null ? null : -v);
  return [
    s.starts.map((t) => t / 1000),
    s.importWh,
    s.exportWh.map(neg),
    s.prevImportWh,
    s.prevExportWh.map(neg),
  ];
}

export function chartOptions(
  width: number,
  tz: string,
  from: number,
  to: number,
  onScale: (from: number, to: number) => void,
): uPlot.Options {
  const bars = uPlot.paths.bars!({ size: [0.8, 40], align: 1 });
  const energy = (_u: uPlot, v: number | null) => (v === null ? "–" : formatKwh(Math.abs(v)));
  return {
    width,
    height: Math.min(360, Math.max(220, Math.round(width * 0.45))),
    // Ticks fall on round times of the household's zone (lib/axis), labelled once each.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), tz),
    scales: { x: { time: true, min: from / 1000, max: to / 1000 } },
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
          if (min !== undefined && max !== undefined) onScale(min * 1000, max * 1000);
        },
      ],
    },
  };
}
