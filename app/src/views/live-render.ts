/** The Live view's DOM: stat tiles and one card per meter, drawn from snapshots (no arithmetic here). */
import { fill, h } from "../dom";
import { formatAmps, formatKw, formatKwh, formatTime, formatVolts } from "../lib/format";
import type { LiveSnapshot } from "../lib/live";
import type { MeterInfo } from "../lib/settings";
import { breakdownText, type CapacityPeak, type Cost, formatMoney } from "./cost-model";
import { type HouseholdTotals, hasPhasePower, meterToday } from "./live-model";

export interface Stat {
  readonly el: HTMLElement;
  readonly value: HTMLElement;
}

export function stat(label: string, id: string): Stat {
  const value = h("output", { id, class: "stat-value", "aria-live": "off" }, "–");
  const el = h("div", { class: "stat" }, h("span", { class: "stat-label" }, label), value);
  value.setAttribute("aria-label", label);
  return { el, value };
}

export interface TotalsTiles {
  readonly imp: Stat;
  readonly exp: Stat;
  readonly todayImp: Stat;
  readonly todayExp: Stat;
}

export function renderTotals(t: TotalsTiles, x: HouseholdTotals): void {
  t.imp.value.textContent = x.meters ? formatKw(x.importW) : "–";
  t.imp.value.dataset.w = String(x.importW);
  t.exp.value.textContent = x.meters ? formatKw(x.exportW) : "–";
  t.exp.value.dataset.w = String(x.exportW);
  t.todayImp.value.textContent = x.todayImportWh === null ? "–" : formatKwh(x.todayImportWh);
  t.todayExp.value.textContent = x.todayExportWh === null ? "–" : formatKwh(x.todayExportWh);
}

/** Today's cost and the month's capacity peak (or why not: a message), with the breakdown on hover. */
export function renderCostTiles(
  today: Stat,
  peak: Stat,
  x: { currency: string; today: Cost | null; peak: CapacityPeak | null } | string,
  tz: string,
): void {
  if (typeof x === "string") {
    today.value.textContent = "–";
    peak.value.textContent = "–";
    today.el.title = x;
    peak.el.title = x;
    return;
  }
  today.value.textContent = formatMoney(x.today?.total, x.currency);
  today.value.dataset.micros = String(x.today?.total ?? "");
  today.el.title = x.today ? breakdownText(x.today, x.currency) : "no intervals today yet";
  peak.value.textContent = x.peak ? formatKw(x.peak.peakW) : "–";
  peak.value.dataset.w = String(x.peak?.peakW ?? "");
  peak.el.title = x.peak
    ? `${x.peak.month}: ${x.peak.peakAt ? `at ${formatTime(x.peak.peakAt, tz).slice(0, 5)}, ` : ""}counted ${formatKw(x.peak.countedW)}, this month's capacity charge ${formatMoney(x.peak.charge, x.currency)}`
    : "the tariff has no capacity charge";
}

function phaseTable(s: LiveSnapshot): HTMLElement | null {
  if (!s.phases.length) return null;
  const power = hasPhasePower(s);
  return h(
    "table",
    { class: "phases" },
    h("caption", {}, "Per phase"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Phase"),
        h("th", { scope: "col" }, "Voltage"),
        h("th", { scope: "col" }, "Current"),
        power ? h("th", { scope: "col" }, "Power") : null,
      ),
    ),
    h(
      "tbody",
      {},
      s.phases.map((p) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, `L${p.phase}`),
          h("td", {}, formatVolts(p.voltageV)),
          h("td", {}, formatAmps(p.currentA)),
          power ? h("td", {}, formatKw(p.powerW)) : null,
        ),
      ),
    ),
  );
}

export function renderMeterCard(
  card: HTMLElement,
  id: string,
  info: MeterInfo | undefined,
  s: LiveSnapshot | undefined,
  base: LiveSnapshot | undefined,
  timeZone: string,
): void {
  const title = h(
    "h3",
    {},
    info?.name ?? id,
    info?.pv ? h("span", { class: "badge" }, "PV") : null,
    info?.role === "sub" ? h("span", { class: "badge" }, "sub-meter") : null,
  );
  if (!s) {
    fill(card, title, h("p", { class: "muted" }, "Waiting for the first reading…"));
    return;
  }
  const today = meterToday(s, base);
  fill(
    card,
    title,
    h(
      "dl",
      { class: "kv" },
      h("dt", {}, "Import"),
      h("dd", { "data-field": "importW", "data-w": s.importW ?? "" }, formatKw(s.importW)),
      h("dt", {}, "Export"),
      h("dd", { "data-field": "exportW", "data-w": s.exportW ?? "" }, formatKw(s.exportW)),
      h("dt", {}, "Import register"),
      h("dd", {}, formatKwh(s.importRegisterWh)),
      h("dt", {}, "Export register"),
      h("dd", {}, formatKwh(s.exportRegisterWh)),
      h("dt", {}, "Today"),
      h("dd", {}, `${formatKwh(today.importWh)} in, ${formatKwh(today.exportWh)} out`),
    ),
    phaseTable(s),
    h("p", { class: "muted small" }, `Updated ${formatTime(s.at, timeZone)}`),
  );
}
