/** The Event types each rule makes, written once as data: on firing, and on resolving (if any). */
import { CAPACITY_EVENT_TYPES } from "@omdp/model";
import type { ReaderCounter, RuleKind, StatusFlag } from "./config";

export interface TypePair {
  readonly fire: string;
  readonly resolve: string | null;
}

export const RULE_EVENT_TYPES: Record<Exclude<RuleKind, "readerErrors" | "meterStatus">, TypePair> = {
  powerAbove: { fire: "threshold.power.exceeded", resolve: "threshold.power.normal" },
  powerBelow: { fire: "threshold.power.below", resolve: "threshold.power.normal" },
  dailyEnergyAbove: { fire: "threshold.energy.exceeded", resolve: null },
  meterSilent: { fire: "meter.offline", resolve: "meter.online" },
  baseLoadJump: { fire: "anomaly.baseload", resolve: "anomaly.baseload.resolved" },
  export: { fire: "export.started", resolve: "export.stopped" },
  // A warning ends with its quarter hour (no resolve event); a quarter that sets the peak is told apart.
  capacityPeak: { fire: CAPACITY_EVENT_TYPES.capacityPeakWarning, resolve: null },
  waterLeak: { fire: "water.leak", resolve: "water.leak.stopped" },
  frost: { fire: "temperature.frost", resolve: "temperature.frost.cleared" },
  meterTamper: { fire: "meter.tamper", resolve: "meter.tamper.cleared" },
};

/** The `meterStatus` rule's types, by the status-byte flag it watches. */
export const STATUS_EVENT_TYPES: Record<StatusFlag, TypePair> = {
  batteryLow: { fire: "battery.low", resolve: "battery.ok" },
  error: { fire: "meter.error", resolve: "meter.error.cleared" },
  alarm: { fire: "meter.alarm", resolve: "meter.alarm.cleared" },
};

/** Events a rule makes besides firing and resolving: a new monthly peak (capacity rule). */
export const RULE_NOTICE_TYPES = { capacityPeakSet: CAPACITY_EVENT_TYPES.capacityPeakSet } as const;

export const READER_EVENT_TYPES: Record<ReaderCounter, TypePair> = {
  decryptFailures: { fire: "meter.decrypt.failed", resolve: "meter.decrypt.recovered" },
  checksumErrors: { fire: "reader.checksum.failed", resolve: "reader.checksum.recovered" },
  lengthErrors: { fire: "reader.length.failed", resolve: "reader.length.recovered" },
  decodeErrors: { fire: "reader.decode.failed", resolve: "reader.decode.recovered" },
};
