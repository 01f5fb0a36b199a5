/**
 * A household's tariff as data (zod). Amounts are decimal texts (or JSON numbers) in the tariff's
 * currency: prices per kWh, fees per month, capacity prices per kW; the parsed tariff holds them as
 * integer micro-units (see money.ts). One `Rate` shape prices the energy, the grid fee, each tax and the
 * export compensation: a fixed price, time-of-use windows, or the day-ahead price (times a multiplier,
 * plus a markup). Import and export are priced separately and never netted.
 */
import { isTimeZone } from "@omdp/model/time";
import { z } from "zod";
import { fail, ok, type Result } from "./errors";
import { scaled } from "./money";

/** A decimal amount parsed to an integer scaled by 10^scale (a zod issue when it does not parse). */
function decimal(scale: number) {
  return z.union([z.string(), z.number()]).transform((v, ctx) => {
    const r = scaled(v, scale);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.error.message });
      return z.NEVER;
    }
    return r.value;
  });
}

/** Currency amount → micro-units. */
const Money = decimal(6);
/** A fraction (`"0.21"` for 21 %) → parts per million. */
const Ppm = decimal(6);

/** `HH:MM` on a quarter hour, `24:00` allowed as an end; → minutes after local midnight. */
const QuarterTime = z
  .string()
  .regex(/^([01]\d|2[0-4]):(00|15|30|45)$/, "HH:MM on a quarter hour (00, 15, 30, 45)")
  .transform((s) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3)))
  .refine((m) => m <= 1440, "at most 24:00");

const Weekday = z.number().int().min(1).max(7);
const Month = z.number().int().min(1).max(12);

/**
 * One time-of-use window: on the listed ISO weekdays (1 = Monday; a holiday counts as `holidayAs`) and
 * months (the season), from `from` up to `to` local time. `to` before `from` wraps past midnight;
 * `from` = `to` is the whole day. Windows are tried in order and the first that matches prices the
 * quarter hour; `otherwise` prices the rest.
 */
export const TouWindow = z.object({
  name: z.string().optional(),
  days: z.array(Weekday).min(1).optional(),
  months: z.array(Month).min(1).optional(),
  from: QuarterTime,
  to: QuarterTime,
  price: Money,
});
export type TouWindow = z.infer<typeof TouWindow>;

export const Rate = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), price: Money }),
  z.object({ kind: z.literal("tou"), windows: z.array(TouWindow).min(1), otherwise: Money }),
  z.object({
    kind: z.literal("dynamic"),
    /** Applied to the day-ahead price first (e.g. `"1.0"`); parts per million once parsed. */
    multiplier: Ppm.default(1_000_000),
    /** Added per kWh after the multiplier (a supplier's margin; negative for an export fee). */
    markup: Money.default(0),
  }),
]);
export type Rate = z.infer<typeof Rate>;

const Iso = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");

/** Belgian (Flemish) capacity tariff: monthly peak of 15-minute average import, floor, rolling mean. */
export const BelgianCapacity = z.object({
  rule: z.literal("be"),
  /** Price per kW of the rolling 12-month mean of monthly peaks, per year (billed 1/12 a month). */
  pricePerKwYear: Money,
  /** A monthly peak below it counts as it (2.5 kW in Flanders); W once parsed. */
  floorKw: decimal(3).default(2500),
});

/** Norwegian capacity step: the mean of the 3 highest hourly imports on 3 different days of the month. */
export const NorwegianCapacity = z.object({
  rule: z.literal("no"),
  /** Brackets by that mean, from 0 up; the last may have no `toKw`. `perMonth` is a fixed monthly fee. */
  brackets: z.array(z.object({ fromKw: decimal(3), toKw: decimal(3).optional(), perMonth: Money })).min(1),
});

export const Capacity = z.discriminatedUnion("rule", [BelgianCapacity, NorwegianCapacity]);
export type Capacity = z.infer<typeof Capacity>;

export const Tariff = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    /** Free text: where the figures come from, and when. */
    note: z.string().optional(),
    /** ISO 4217 code; the day-ahead prices must be in it too. */
    currency: z.string().regex(/^[A-Z]{3}$/),
    /** The household's IANA zone: days, months and time-of-use windows are local to it. */
    timeZone: z.string().refine(isTimeZone, "an IANA time zone this runtime knows"),
    /** Public holidays (`YYYY-MM-DD`, local dates); time-of-use windows treat them as `holidayAs`. */
    holidays: z.array(Iso).default([]),
    holidayAs: Weekday.default(7),
    import: z.object({
      energy: Rate,
      grid: Rate.optional(),
      taxes: z.array(z.object({ name: z.string().min(1), rate: Rate })).default([]),
    }),
    export: z.object({ compensation: Rate }).optional(),
    /** VAT on everything bought (energy, grid, taxes, fixed fees, capacity); not on export. */
    vat: z.object({ rate: Ppm }).optional(),
    fixedFees: z.array(z.object({ name: z.string().min(1), perMonth: Money })).default([]),
    capacity: Capacity.optional(),
    /** Where the day-ahead prices come from (for the edge and cloud adapters; the pure code is given them). */
    prices: z
      .object({
        format: z.enum(["entsoe", "csv"]),
        file: z.string().optional(),
        url: z.string().optional(),
        area: z.string().optional(),
      })
      .optional(),
  })
  .superRefine((t, ctx) => {
    if (t.capacity?.rule === "no") {
      const b = t.capacity.brackets;
      if (b[0]?.fromKw !== 0)
        ctx.addIssue({
          code: "custom",
          path: ["capacity", "brackets", 0, "fromKw"],
          message: "the first bracket starts at 0",
        });
      for (let i = 0; i < b.length; i++) {
        const cur = b[i]!;
        const next = b[i + 1];
        if (next && cur.toKw !== next.fromKw) {
          ctx.addIssue({
            code: "custom",
            path: ["capacity", "brackets", i, "toKw"],
            message: "brackets must be contiguous",
          });
        }
        if (!next && cur.toKw !== undefined && cur.toKw <= cur.fromKw) {
          ctx.addIssue({
            code: "custom",
            path: ["capacity", "brackets", i, "toKw"],
            message: "toKw after fromKw",
          });
        }
      }
    }
  });

/** The tariff as the cost code uses it: every amount in micro-units, rates in ppm, times in minutes. */
export type Tariff = z.infer<typeof Tariff>;
/** The tariff as written in a file. */
export type TariffInput = z.input<typeof Tariff>;

/** Parse a tariff document; a schema mismatch is a BAD_TARIFF error naming the first bad field. */
export function parseTariff(doc: unknown): Result<Tariff> {
  const r = Tariff.safeParse(doc);
  if (r.success) return ok(r.data);
  const issue = r.error.issues[0]!;
  return fail("BAD_TARIFF", issue.message, { field: issue.path.join(".") || "(root)" });
}
