/** Module twin desired properties of `events`; every field has a default (`DesiredConfig.parse({})`). */
import { Severity } from "@omdp/model";
import { Tariff } from "@omdp/tariffs";
import { z } from "zod";

const RuleId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "rule id: 1-64 of A-Z a-z 0-9 _ -");

const base = {
  id: RuleId,
  enabled: z.boolean().default(true),
  /** A meter id, or `*` for every meter. */
  meterId: z.string().min(1).default("*"),
  severity: Severity.default("warning"),
};

export const PowerAboveRule = z.object({
  ...base,
  kind: z.literal("powerAbove"),
  /** OBIS property compared (default P+, `1-0:1.7.0`). */
  property: z.string().default("1-0:1.7.0"),
  thresholdW: z.number(),
  forSeconds: z.number().min(0).default(60),
  /** Clears below this (default 90 % of the threshold): the band between stops flapping. */
  clearBelowW: z.number().optional(),
  clearForSeconds: z.number().min(0).default(60),
});

export const PowerBelowRule = z.object({
  ...base,
  kind: z.literal("powerBelow"),
  property: z.string().default("1-0:1.7.0"),
  thresholdW: z.number(),
  forSeconds: z.number().min(0).default(60),
  /** Clears above this (default 110 % of the threshold, at least threshold + 10 W). */
  clearAboveW: z.number().optional(),
  clearForSeconds: z.number().min(0).default(60),
});

export const DailyEnergyRule = z.object({
  ...base,
  kind: z.literal("dailyEnergyAbove"),
  /** Budget of imported energy per local day, Wh. */
  budgetWh: z.number().positive(),
});

export const MeterSilentRule = z.object({
  ...base,
  kind: z.literal("meterSilent"),
  minutes: z.number().positive().default(15),
});

export const ReaderCounter = z.enum(["decryptFailures", "checksumErrors", "lengthErrors", "decodeErrors"]);
export type ReaderCounter = z.infer<typeof ReaderCounter>;

export const ReaderErrorRule = z.object({
  ...base,
  kind: z.literal("readerErrors"),
  counter: ReaderCounter,
  /** Fires when the counter grew by at least this much within the window. */
  threshold: z.number().int().positive().default(1),
  windowMinutes: z.number().positive().default(15),
});

export const BaseLoadJumpRule = z.object({
  ...base,
  kind: z.literal("baseLoadJump"),
  /** Fires when a night's base load exceeds the median of the previous 14 nights by this much... */
  percent: z.number().positive().default(50),
  /** ...and by at least this many watts. */
  minDeltaW: z.number().min(0).default(50),
  /** Nights of history needed before the rule judges. */
  minDays: z.number().int().min(1).max(14).default(7),
  fromHour: z.number().int().min(0).max(23).default(0),
  toHour: z.number().int().min(1).max(24).default(5),
});

export const ExportRule = z.object({
  ...base,
  kind: z.literal("export"),
  severity: Severity.default("info"),
  /** Export (P-, `1-0:2.7.0`) above this for `forSeconds` starts, below `stopW` for `forSeconds` stops. */
  startW: z.number().min(0).default(50),
  stopW: z.number().min(0).default(10),
  forSeconds: z.number().min(0).default(60),
});

/**
 * Capacity-tariff warning (Belgian rule) for the households whose tariff has one: `meterId` `*` means
 * every such household, a meter id the household of that meter. Warns once per quarter hour when the
 * quarter, continued at the power now, would set a new monthly peak; tells when one was set.
 */
export const CapacityPeakRule = z.object({
  ...base,
  kind: z.literal("capacityPeak"),
  /** No projection in a quarter's first minutes (one kettle would project far); minutes, 0-14. */
  minElapsedMinutes: z.number().min(0).max(14).default(3),
});

/**
 * Water leak: the flow (the largest of `properties` the reading carries: cold and hot water flow) stays
 * above `thresholdM3h` without a break for `forHours` (or, for a meter without a flow value, its
 * volume rose within every `clearForMinutes` for `forHours`). Defaults follow the meters' own leak flags
 * (Kamstrup flowIQ / MULTICAL 21 "leak": water never stood still for one hour within 24 hours): any
 * flow above 0 for 24 h fires; one hour at or below the threshold ends it.
 */
export const WaterLeakRule = z.object({
  ...base,
  kind: z.literal("waterLeak"),
  properties: z.array(z.string().min(1)).min(1).default(["8-0:2.0.0", "9-0:2.0.0"]),
  /**
   * A meter that sends no flow value is judged by its volume (the sum of these registers): it flows
   * while the volume rose within the last `clearForMinutes`; the threshold does not apply.
   */
  volumeProperties: z.array(z.string().min(1)).default(["8-0:1.0.0", "9-0:1.0.0"]),
  thresholdM3h: z.number().min(0).default(0),
  forHours: z.number().positive().default(24),
  clearForMinutes: z.number().min(0).default(60),
});

/**
 * Frost: a temperature (the lowest of `properties` the reading carries; default a heat meter's flow and
 * return temperature) at or below `thresholdC` for `forSeconds`; clears above `clearAboveC` (default
 * threshold + 2 degC) held for `clearForSeconds`.
 */
export const FrostRule = z.object({
  ...base,
  kind: z.literal("frost"),
  properties: z.array(z.string().min(1)).min(1).default(["6-0:10.0.0", "6-0:11.0.0"]),
  thresholdC: z.number().default(3),
  clearAboveC: z.number().optional(),
  forSeconds: z.number().min(0).default(0),
  clearForSeconds: z.number().min(0).default(600),
});

/** The flags of the EN 13757-7 status byte (error register 0-0:97.97.0) a `meterStatus` rule watches. */
export const StatusFlag = z.enum(["batteryLow", "error", "alarm"]);
export type StatusFlag = z.infer<typeof StatusFlag>;

/** A status flag set in the meter's status byte; cleared once absent for `clearForSeconds`. */
export const MeterStatusRule = z.object({
  ...base,
  kind: z.literal("meterStatus"),
  flag: StatusFlag,
  forSeconds: z.number().min(0).default(0),
  clearForSeconds: z.number().min(0).default(3600),
});

/**
 * Tamper: EN 13757-7 leaves bits 5-7 of the status byte to the manufacturer, so which of them means
 * tamper (magnet, opened case, removal) is per meter type: `mask` names those bits (within 0xE0).
 */
export const MeterTamperRule = z.object({
  ...base,
  kind: z.literal("meterTamper"),
  severity: Severity.default("critical"),
  mask: z
    .number()
    .int()
    .min(0x20)
    .max(0xe0)
    .refine((m) => (m & ~0xe0) === 0, "mask: manufacturer bits 5-7 only (0x20, 0x40, 0x80)"),
  forSeconds: z.number().min(0).default(0),
  clearForSeconds: z.number().min(0).default(3600),
});

export const Rule = z.discriminatedUnion("kind", [
  PowerAboveRule,
  PowerBelowRule,
  DailyEnergyRule,
  MeterSilentRule,
  ReaderErrorRule,
  BaseLoadJumpRule,
  ExportRule,
  CapacityPeakRule,
  WaterLeakRule,
  FrostRule,
  MeterStatusRule,
  MeterTamperRule,
]);
export type Rule = z.infer<typeof Rule>;
export type RuleKind = Rule["kind"];

export const Rules = z.array(Rule).refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, {
  message: "rule ids must be unique",
});

/** Rules in force when the twin sets none: the ones that need no household-specific threshold. */
export const DEFAULT_RULES: Rule[] = Rules.parse([
  { id: "meter-silent", kind: "meterSilent" },
  { id: "decrypt-failures", kind: "readerErrors", counter: "decryptFailures" },
  { id: "checksum-errors", kind: "readerErrors", counter: "checksumErrors", threshold: 10 },
  { id: "baseload-jump", kind: "baseLoadJump" },
  { id: "export", kind: "export" },
  { id: "capacity-peak", kind: "capacityPeak" },
  { id: "water-leak", kind: "waterLeak" },
  { id: "frost", kind: "frost" },
  { id: "battery-low", kind: "meterStatus", flag: "batteryLow" },
  { id: "meter-error", kind: "meterStatus", flag: "error" },
  { id: "meter-alarm", kind: "meterStatus", flag: "alarm" },
]);

export const MqttSettings = z.object({
  enabled: z.boolean().default(false),
  url: z
    .string()
    .regex(/^(mqtts?|wss?):\/\//, "mqtt://, mqtts://, ws:// or wss:// URL")
    .default("mqtt://127.0.0.1:1883"),
  username: z.string().optional(),
  password: z.string().optional(),
  clientId: z.string().optional(),
  /** Topic prefix of states, events and availability. */
  baseTopic: z
    .string()
    .regex(/^[^#+]+$/)
    .default("omdp"),
  discoveryPrefix: z
    .string()
    .regex(/^[^#+]+$/)
    .default("homeassistant"),
  /** Node id in discovery topics; identifies this gateway in Home Assistant. */
  nodeId: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default("omdp"),
  /** Accept a broker certificate that does not verify (self-signed home brokers). */
  rejectUnauthorized: z.boolean().default(true),
});
export type MqttSettings = z.infer<typeof MqttSettings>;

/**
 * A household as the capacity rules see it: the meters whose import adds up to its peak (main meters,
 * not sub-meters behind them) and its tariff (the `@omdp/tariffs` schema; its `capacity` and `timeZone`
 * are used here, quarters and months are local to that zone).
 */
export const HouseholdSettings = z.object({
  meters: z.array(z.string().min(1)).min(1),
  tariff: Tariff.optional(),
});
export type HouseholdSettings = z.infer<typeof HouseholdSettings>;

export const DesiredConfig = z.object({
  defaultTimeZone: z.string().default("Europe/Vienna"),
  meters: z
    .record(z.string(), z.object({ timeZone: z.string().optional(), name: z.string().optional() }))
    .default({}),
  rules: Rules.default(DEFAULT_RULES),
  /** Households by id (capacity tariffs); none by default. */
  households: z.record(z.string(), HouseholdSettings).default({}),
  mqtt: MqttSettings.prefault({}),
});
export type DesiredConfig = z.infer<typeof DesiredConfig>;

export function meterTimeZone(config: DesiredConfig, meterId: string): string {
  return config.meters[meterId]?.timeZone ?? config.defaultTimeZone;
}

/** `ReaderDiagnostics`: the one declaration, in @omdp/model (the reader sends it, the rules read it). */
export { ReaderDiagnostics } from "@omdp/model";

/** Input `control` (from sharing: rule changes made in the app, acknowledgements). */
export const ControlMessage = z.discriminatedUnion("action", [
  z.object({ kind: z.literal("control").optional(), action: z.literal("setRules"), rules: Rules }),
  z.object({
    kind: z.literal("control").optional(),
    action: z.literal("ackEvent"),
    eventId: z.string().min(1),
  }),
]);
export type ControlMessage = z.infer<typeof ControlMessage>;
