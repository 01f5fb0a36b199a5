/**
 * The interval this package prices: the canonical series interval's fields it needs (meter, UTC start
 * and end as RFC 3339, energy imported and exported in integer Wh). Declared structurally so that the
 * `@omdp/series` interval, the model's IntervalRecord mapped to these names, or a plain object fit.
 */
export interface PricedInterval {
  readonly meterId: string;
  /** RFC 3339 with offset */
  readonly start: string;
  readonly end: string;
  readonly importWh: number;
  readonly exportWh: number;
}
