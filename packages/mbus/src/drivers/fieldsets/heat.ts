/**
 * The standard heat-meter records (EN 13757-3 VIF table 12: energy, volume, power, volume flow, flow
 * and return temperature, their difference) under their generic names, in the order heat meters send them.
 */
import type { DriverField } from "../types";
import { standard } from "./standard";

export const HEAT_STANDARD: readonly DriverField[] = [
  standard("energy"),
  standard("volume"),
  standard("power"),
  standard("volumeFlow"),
  standard("flowTemperature"),
  standard("returnTemperature"),
  standard("temperatureDifference"),
];
