export {
  CostItem,
  CostPage,
  CostQuery,
  costPage,
  HOUSEHOLD_COSTS_PATH,
  HouseholdCostPage,
  HouseholdCostQuery,
  householdCostMeters,
  householdCostPage,
} from "./api";
export { type BracketWarning, type BracketWarningInput, bracketWarning } from "./bracket-warning";
export {
  type BelgianMonth,
  belgianMonths,
  type EnergyAt,
  importsPer,
  type MonthPeak,
  monthlyPeaks,
  type NorwegianMonth,
  norwegianBracket,
  norwegianLevelW,
  norwegianMonths,
} from "./capacity";
export { capacityHistory, capacityWindow } from "./capacity-history";
export { type LocalClock, ZoneClock } from "./clock";
export {
  type Breakdown,
  type CostOptions,
  type CostReport,
  computeCosts,
  type IntervalCost,
  type MonthCost,
  type PeriodCost,
  share,
} from "./cost";
export { type CsvPriceOptions, formatPriceCsv, parsePriceCsv } from "./csv";
export { parseEntsoeXml } from "./entsoe";
export {
  fail,
  ok,
  type Result,
  TARIFF_ERROR_CODES,
  TariffError,
  type TariffErrorCode,
  type TariffErrorDetails,
} from "./errors";
export type { PricedInterval } from "./interval";
export { applyPpm, divRound, formatMicros, micros, scaled } from "./money";
export { type PeakWarning, type PeakWarningInput, peakWarning } from "./peak-warning";
export { type PriceSeries, type PriceSlot, priceAt, priceSeries, QUARTER_MS } from "./prices";
export { matches, type RateContext, rateAt } from "./rate";
export {
  BelgianCapacity,
  Capacity,
  NorwegianCapacity,
  parseTariff,
  Rate,
  Tariff,
  type TariffInput,
  TouWindow,
} from "./schema";
