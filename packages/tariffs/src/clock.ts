/**
 * Local wall clock for many instants of one zone, fast: the zone's offset is learned once per quarter
 * hour of UTC (through `@omdp/model/time`, i.e. `Intl`) and cached; every zone in use changes its offset
 * on a quarter hour, so the cache is exact. The local fields then come from `Date`'s UTC getters.
 */
import { offsetMs } from "@omdp/model/time";

export interface LocalClock {
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** `YYYY-MM` */
  readonly month: string;
  readonly year: number;
  /** 1-12 */
  readonly monthNumber: number;
  readonly day: number;
  /** ISO weekday, 1 = Monday */
  readonly weekday: number;
  /** minutes after local midnight */
  readonly minute: number;
}

const Q = 900_000;

export class ZoneClock {
  private readonly offsets = new Map<number, number>();
  constructor(readonly timeZone: string) {}

  offset(ms: number): number {
    const key = Math.floor(ms / Q);
    let off = this.offsets.get(key);
    if (off === undefined) {
      off = offsetMs(key * Q, this.timeZone);
      this.offsets.set(key, off);
    }
    return off;
  }

  at(ms: number): LocalClock {
    const d = new Date(ms + this.offset(ms));
    const year = d.getUTCFullYear();
    const monthNumber = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    const mm = String(monthNumber).padStart(2, "0");
    return {
      date: `${year}-${mm}-${String(day).padStart(2, "0")}`,
      month: `${year}-${mm}`,
      year,
      monthNumber,
      day,
      weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
      minute: d.getUTCHours() * 60 + d.getUTCMinutes(),
    };
  }
}
