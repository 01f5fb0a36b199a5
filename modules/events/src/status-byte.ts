/**
 * The status rules' flags over the status byte of a meter message, whose layout (EN 13757-7:2018
 * clause 7.5.6, EN 13757-3:2004 Table 3) is written once in @omdp/model/status-byte: "error" is an
 * application error or a permanent or temporary error; "alarm" the abnormal condition (11, e.g. a
 * water meter's permanent flow); "batteryLow" power low. "Busy" is no fault, so it sets no flag here.
 */
import { applicationStatus, STATUS_BITS, statusBitSet } from "@omdp/model/status-byte";
import type { StatusFlag } from "./config";

export const MANUFACTURER_BITS = STATUS_BITS.manufacturer;

/** Whether `flag` is set in the status byte `status` (0-255). */
export function statusFlagSet(status: number, flag: StatusFlag): boolean {
  switch (flag) {
    case "batteryLow":
      return statusBitSet(status, "powerLow");
    case "error":
      return (
        statusBitSet(status, "permanentError") ||
        statusBitSet(status, "temporaryError") ||
        applicationStatus(status) === "error"
      );
    case "alarm":
      return applicationStatus(status) === "alarm";
  }
}

/** The status byte of a reading's error register value, or null when it is none (not 0-255 integer). */
export function statusByte(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= 0 && value <= 0xff ? value : null;
}
