/**
 * The interval this package prices: the fields of the canonical series interval (`IntervalValues` of
 * `@omdp/series`: epoch-ms bounds, energy imported and exported in Wh) that a cost needs. Any
 * `IntervalValues` fits; so does a plain object with just these five fields.
 */
import type { IntervalValues } from "@omdp/series";

export type PricedInterval = Pick<IntervalValues, "meterId" | "start" | "end" | "importWh" | "exportWh">;
