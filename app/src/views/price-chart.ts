import uPlot from "uplot";
import { fill, h } from "../dom";
import { formatTime } from "../lib/format";
import { timeAxis, valueAxis } from "./axes";
import { formatPrice, type PriceCurve } from "./cost-model";

/**
 * Live's day-ahead price curve (today and tomorrow, as far as prices are published): steps per slot,
 * with the current, cheapest and dearest slot named below it. The figures come from cost-model.
 */
export interface PriceChart {
  readonly el: HTMLElement;
  show(curve: PriceCurve | string): void;
  destroy(): void;
}

export function createPriceChart(timeZone: string): PriceChart {
  const box = h("div", {
    class: "chart prices",
    role: "img",
    "aria-label": "Day-ahead prices today and tomorrow",
  });
  const note = h("p", { id: "live-prices", class: "muted small" });
  const el = h("section", { "aria-label": "Day-ahead prices" }, h("h3", {}, "Day-ahead prices"), box, note);
  el.hidden = true; // until prices arrive; a tariff without day-ahead prices shows none
  let chart: uPlot | null = null;
  const at = (t: number) => formatTime(t, timeZone).slice(0, 5);
  return {
    el,
    show(curve) {
      chart?.destroy();
      chart = null;
      box.replaceChildren();
      if (typeof curve === "string") {
        el.hidden = curve === "";
        fill(note, curve);
        return;
      }
      el.hidden = false;
      const xs = [...curve.starts, curve.end].map((t) => t / 1000);
      const ys = [...curve.prices, curve.prices[curve.prices.length - 1] ?? null].map((p) =>
        p === null ? null : p / 10_000,
      );
      chart = new uPlot(
        {
          width: Math.max(280, box.clientWidth || 600),
          height: 160,
          tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
          legend: { show: false },
          cursor: { show: false },
          axes: [
            timeAxis(timeZone),
            valueAxis(curve.currency === "EUR" ? "ct/kWh" : `${curve.currency}/100 kWh`),
          ],
          series: [
            {},
            { label: "Price", stroke: "#3a5ba0", width: 2, paths: uPlot.paths.stepped!({ align: 1 }) },
          ],
        },
        [xs, ys],
        box,
      );
      const parts = [
        `now ${formatPrice(curve.now, curve.currency)}`,
        curve.min && `cheapest ${formatPrice(curve.min.price, curve.currency)} at ${at(curve.min.at)}`,
        curve.max && `dearest ${formatPrice(curve.max.price, curve.currency)} at ${at(curve.max.at)}`,
      ];
      note.dataset.now = String(curve.now ?? "");
      fill(note, parts.filter(Boolean).join(" · "));
    },
    destroy() {
      chart?.destroy();
    },
  };
}
