/** Module twin desired properties of `analytics`; every field has a default (`DesiredConfig.parse({})`). */
import { type Medium, Resolution } from "@omdp/model";
import { z } from "zod";
import { isTimeZone } from "./tz";

/** Default gap limit of the non-electric media (two 15-minute wM-Bus telegrams). */
export const MEDIA_MAX_GAP_SECONDS = 1800;

export const TimeZone = z.string().refine(isTimeZone, { message: "unknown IANA time zone" });

export const MeterSettings = z.object({
  /** IANA zone whose wall clock aligns this meter's intervals; default `defaultTimeZone`. */
  timeZone: TimeZone.optional(),
  /** Id of the PV generation meter behind this (grid) meter: enables self-consumption and self-sufficiency. */
  pvMeterId: z.string().min(1).optional(),
  /** For a PV generation meter: which register counts the production (`export` = A-, `import` = A+). */
  productionDirection: z.enum(["export", "import"]).default("export"),
  /** This meter's gap limit (s), over its medium's: a meter sending every 4 h (Engelmann Waterstar M: 30 s - 240 min). */
  maxGapSeconds: z.number().int().min(1).optional(),
});
export type MeterSettings = z.infer<typeof MeterSettings>;

export const DesiredConfig = z.object({
  /** Output resolution of `intervals` (PT1M .. P1D). Stats always use internal 15-minute intervals. */
  resolution: Resolution.default("PT15M"),
  defaultTimeZone: TimeZone.default("Europe/Vienna"),
  meters: z.record(z.string(), MeterSettings).default({}),
  /** Two consecutive readings of an electricity meter further apart than this mark a `gap` (quality partial). */
  maxGapSeconds: z.number().int().min(1).default(300),
  /**
   * The gap limit of a water, heat, gas or HCA meter (wM-Bus, battery powered, sending every few minutes
   * up to 15 min: Landis+Gyr T230 / Ultego III stationary telegram every 15 min). Default 1800 s: one lost
   * telegram of a 15-minute sender is no gap, two are.
   */
  maxGapSecondsByMedium: z
    .object({
      water: z.number().int().min(1).default(MEDIA_MAX_GAP_SECONDS),
      heat: z.number().int().min(1).default(MEDIA_MAX_GAP_SECONDS),
      gas: z.number().int().min(1).default(MEDIA_MAX_GAP_SECONDS),
      hca: z.number().int().min(1).default(MEDIA_MAX_GAP_SECONDS),
    })
    .prefault({}),
  /** A silent meter's interval is closed by the timer this long after its end (quality partial). */
  closeGraceSeconds: z.number().int().min(0).default(120),
  /** A register step above this average power is not energy but a meter replacement. */
  maxPlausiblePowerW: z.number().positive().default(100_000),
  /** Readings stamped further ahead of the gateway clock are rejected (meter clock wrong). */
  maxFutureSeconds: z.number().int().min(0).default(300),
  /** Period of the `stats` output per meter. */
  statsIntervalSeconds: z.number().int().min(10).default(900),
  /** Base load = lowest 15-minute average import power whose interval starts in [fromHour, toHour) local. */
  baseLoad: z
    .object({
      fromHour: z.number().int().min(0).max(23).default(0),
      toHour: z.number().int().min(1).max(24).default(5),
    })
    .prefault({}),
});
export type DesiredConfig = z.infer<typeof DesiredConfig>;

/** The zone aligning a meter's intervals. */
export function meterTimeZone(config: DesiredConfig, meterId: string): string {
  return config.meters[meterId]?.timeZone ?? config.defaultTimeZone;
}

/** The gap limits (ms) of the engine for one meter: electricity's and each other medium's. */
export interface GapSettings {
  readonly maxGapMs: number;
  readonly maxGapMsByMedium: Readonly<Record<Medium, number>>;
}

/** A meter's gap limits: its own `maxGapSeconds` for every medium, else `maxGapSeconds` / by medium. */
export function meterGapSettings(config: DesiredConfig, meterId: string): GapSettings {
  const own = config.meters[meterId]?.maxGapSeconds;
  const ms = (seconds: number) => (own ?? seconds) * 1000;
  const m = config.maxGapSecondsByMedium;
  const electricity = ms(config.maxGapSeconds);
  return {
    maxGapMs: electricity,
    maxGapMsByMedium: { electricity, water: ms(m.water), heat: ms(m.heat), gas: ms(m.gas), hca: ms(m.hca) },
  };
}
