/**
 * Water meters that keep the reading at the last due date (EN 13757-3 storage 1): the volume now, the
 * meter's clock, the due date and the volume at that date, under their generic names.
 */
import type { DriverField } from "../types";
import { standard } from "./standard";

export const WATER_DUE_DATE: readonly DriverField[] = [
  standard("volume"),
  standard("dateTime"),
  standard("date", { storage: 1 }),
  standard("volume", { storage: 1 }),
];
