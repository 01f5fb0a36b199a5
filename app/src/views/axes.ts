import type uPlot from "uplot";
import {
  niceTicks,
  type TimeStep,
  tickBudget,
  timeLabels,
  timeStep,
  timeTicks,
  valueLabels,
} from "../lib/axis";

/**
 * uPlot axes from the pure tick functions of lib/axis: a time axis on round wall-clock times of the
 * household's zone and a value axis in a scaled unit. uPlot's time scale is in seconds.
 */
export function timeAxis(timeZone: string): uPlot.Axis {
  let step: TimeStep = { unit: "hour", n: 1 };
  return {
    space: 70,
    splits: (u, _i, min, max) => {
      const from = min * 1000;
      const to = max * 1000;
      step = timeStep(from, to, tickBudget(u.width, 80));
      return timeTicks(from, to, timeZone, step).map((t) => t / 1000);
    },
    values: (_u, splits) =>
      timeLabels(
        splits.map((s) => s * 1000),
        step,
        timeZone,
      ),
  };
}

/** A value axis for data in base units (`Wh`, `W`); the labels carry the scaled unit. */
export function valueAxis(base: string, size = 72): uPlot.Axis {
  return {
    size,
    splits: (u, _i, min, max) => niceTicks(min, max, tickBudget(u.height, 40)),
    values: (_u, splits) => valueLabels(splits, base),
  };
}
