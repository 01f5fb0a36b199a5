import uPlot from "uplot";
import { h } from "../dom";
import { timeAxis, valueAxis } from "./axes";

/**
 * The live trend: the household's import and export power over the last `windowMs` of reading time,
 * redrawn at most once per animation frame however fast readings arrive.
 */
export const TREND_WINDOW_MS = 10 * 60_000;

export interface Trend {
  readonly el: HTMLElement;
  push(at: number, importW: number, exportW: number): void;
  /** Points from before the first pushed one (the edge's last minutes, loaded after the first paint). */
  seed(points: readonly { at: number; importW: number; exportW: number }[]): void;
  destroy(): void;
}

export function createTrend(timeZone: string, windowMs = TREND_WINDOW_MS, maxPoints = 600): Trend {
  const box = h("div", { class: "chart trend", role: "img", "aria-label": "Power over the last minutes" });
  const xs: number[] = [];
  const imp: number[] = [];
  const exp: number[] = [];
  let chart: uPlot | null = null;
  let frame = 0;
  const resize = new ResizeObserver(() => {
    if (chart && box.clientWidth && Math.abs(chart.width - box.clientWidth) > 8) {
      chart.setSize({ width: box.clientWidth, height: 160 });
    }
  });
  resize.observe(box);
  const draw = () => {
    frame = 0;
    const data: uPlot.AlignedData = [xs.map((t) => t / 1000), imp, exp];
    if (!chart) {
      const width = Math.max(280, box.clientWidth || 600);
      chart = new uPlot(
        {
          width,
          height: 160,
          tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), timeZone),
          legend: { show: false },
          // Room on the right for the newest tick's label (a time of day centred on the last point).
          padding: [null, 28, null, null],
          cursor: { show: false },
          axes: [timeAxis(timeZone), valueAxis("W")],
          series: [
            {},
            { label: "Import", stroke: "#b3461a", width: 2 },
            { label: "Export", stroke: "#23703f", width: 2 },
          ],
        },
        data,
        box,
      );
    } else chart.setData(data);
  };
  return {
    el: box,
    push(at, importW, exportW) {
      if (xs.length && at < xs[xs.length - 1]!) return;
      xs.push(at);
      imp.push(importW);
      exp.push(exportW);
      while (xs.length > maxPoints || (xs.length > 1 && at - xs[0]! > windowMs)) {
        xs.shift();
        imp.shift();
        exp.shift();
      }
      if (!frame) frame = requestAnimationFrame(draw);
    },
    seed(points) {
      const first = xs.length ? xs[0]! : Number.POSITIVE_INFINITY;
      const older = points.filter(
        (p) => p.at < first && (xs.length === 0 || xs[xs.length - 1]! - p.at <= windowMs),
      );
      xs.unshift(...older.map((p) => p.at));
      imp.unshift(...older.map((p) => p.importW));
      exp.unshift(...older.map((p) => p.exportW));
      while (xs.length > maxPoints) {
        xs.shift();
        imp.shift();
        exp.shift();
      }
      if (older.length && !frame) frame = requestAnimationFrame(draw);
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      resize.disconnect();
      chart?.destroy();
    },
  };
}
