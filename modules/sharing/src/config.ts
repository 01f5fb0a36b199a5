import { OutboxSettings } from "@omdp/edge-module";
import { Tariff } from "@omdp/tariffs";
import { z } from "zod";
import { isValidTimeZone } from "./tz";

/** Default local API port: `OMDP_EDGE_API_PORT` or 8080 (docs/interfaces.md). */
export function defaultApiPort(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.OMDP_EDGE_API_PORT;
  const n = raw === undefined || raw === "" ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 65535 ? n : 8080;
}

export const DEFAULT_CORS_ORIGINS = ["http://127.0.0.1:7070", "http://localhost:7070"] as const;

const DAY = 1;
const YEAR_DAYS = 365 * DAY;

/** Days to keep each kind of stored data; older rows are deleted by the retention sweep. */
const Retention = z.object({
  readingsDays: z.number().positive().default(30),
  intervalsDays: z
    .number()
    .positive()
    .default(5 * YEAR_DAYS),
  eventsDays: z
    .number()
    .positive()
    .default(5 * YEAR_DAYS),
  statsDays: z
    .number()
    .positive()
    .default(5 * YEAR_DAYS),
});

/** Twin properties cannot always hold arrays: accept a list or a comma-separated string. */
const OriginList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (typeof v === "string" ? v.split(",") : v).map((s) => s.trim()).filter((s) => s !== ""));

const Api = z.object({
  /** 0 asks the OS for a free port (tests). */
  port: z
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(() => defaultApiPort()),
  /** `127.0.0.1` by default; `0.0.0.0` to serve apps on the home network. */
  host: z.string().min(1).default("127.0.0.1"),
  corsOrigins: OriginList.default([...DEFAULT_CORS_ORIGINS]),
});

const Household = z.object({
  /** IANA time zone used for hourly, daily and monthly roll-ups. */
  timeZone: z.string().min(1).refine(isValidTimeZone, "unknown IANA time zone").default("Europe/Vienna"),
  /**
   * The household's tariff (`@omdp/tariffs` schema, as the events module's), priced by
   * `GET /api/meters/{id}/costs`; its `prices.file` (day-ahead prices, CSV or ENTSO-E XML) is read by the
   * module, a relative path against the working directory. No tariff: the costs resource answers 404.
   */
  tariff: Tariff.optional(),
});

const Meter = z.object({
  householdId: z.string().min(1),
  /**
   * `sub`: the meter measures part of what the household's main meter already measures (an M-Bus
   * sub-meter behind it); household costs leave it out by default, so nothing is counted twice.
   */
  role: z.enum(["main", "sub"]).default("main"),
});

const Cloud = z.object({
  /** Without a cloud (detached mode) nothing is sent on `upstream`; everything else works. */
  enabled: z.boolean().default(false),
  /**
   * The upstream period: interval records wait up to this long in the outbox and leave packed into
   * `intervals` batch messages of one IoT Hub 4 KB block each (the cost model assumes 3600: an hour's
   * four quarter hours per message, cloud history up to an hour behind). 0: one message per record.
   */
  batchSeconds: z.number().int().min(0).max(86_400).default(0),
});

/** The `sharing` module twin's desired properties; `DesiredConfig.parse({})` gives every default. */
export const DesiredConfig = z.object({
  retention: Retention.default(Retention.parse({})),
  api: Api.default(() => Api.parse({})),
  /** Household used for meters not listed under `meters`. */
  defaultHouseholdId: z.string().min(1).default("hh-1"),
  households: z.record(z.string(), Household).default({}),
  meters: z.record(z.string(), Meter).default({}),
  cloud: Cloud.default(Cloud.parse({})),
  /** How often the retention sweep runs, in minutes. */
  retentionSweepMinutes: z.number().positive().default(60),
  /**
   * Bounds of the durable upstream outbox (`<OMDP_DATA_DIR>/sharing-outbox.db`) that keeps what goes
   * to the cloud while the hub is away or refuses: past either, the oldest are dropped and counted
   * (`upstreamDropped`). Defaults 100,000 messages, 7 days (as the reader's).
   */
  outbox: OutboxSettings.prefault({}),
});
export type DesiredConfig = z.infer<typeof DesiredConfig>;

export const DEFAULT_TIME_ZONE = "Europe/Vienna";

/** The household a meter belongs to (the configured default household for unlisted meters). */
export function householdOf(config: DesiredConfig, meterId: string): string {
  return config.meters[meterId]?.householdId ?? config.defaultHouseholdId;
}

/** A meter's role in its household: `main` unless configured `sub`. */
export function roleOf(config: DesiredConfig, meterId: string): "main" | "sub" {
  return config.meters[meterId]?.role ?? "main";
}

/** The time zone of a meter's household. */
export function timeZoneOf(config: DesiredConfig, meterId: string): string {
  return config.households[householdOf(config, meterId)]?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** The tariff of a meter's household, if it has one. */
export function tariffOf(config: DesiredConfig, meterId: string): Tariff | undefined {
  return config.households[householdOf(config, meterId)]?.tariff;
}
