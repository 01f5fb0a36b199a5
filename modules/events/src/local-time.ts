/** Local date and hour of an instant in an IANA zone (Intl only). */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = FORMATS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
    });
    FORMATS.set(timeZone, f);
  }
  return f;
}

export interface LocalDateHour {
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly hour: number;
}

export function localDateHour(ms: number, timeZone: string): LocalDateHour {
  const p: Record<string, string> = {};
  for (const x of format(timeZone).formatToParts(new Date(ms))) p[x.type] = x.value;
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}
