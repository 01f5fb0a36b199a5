/** Local date and hour of an instant in an IANA zone (the shared Intl helpers of `@omdp/model`). */
import { localDate, wallTime } from "@omdp/model";

export interface LocalDateHour {
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly hour: number;
}

export function localDateHour(ms: number, timeZone: string): LocalDateHour {
  return { date: localDate(ms, timeZone), hour: wallTime(ms, timeZone).hour };
}
