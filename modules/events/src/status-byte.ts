/**
 * The status byte of a meter message (EN 13757-7:2018 clause 7.5.6, the layout of EN 13757-3:2004
 * Table 3 and OMS Vol. 2), as the reader stores it in the error register 0-0:97.97.0:
 * - bits 0-1 application status: 00 no error, 01 application busy, 10 any application error,
 *   11 abnormal condition / alarm (a working application detects abnormal behaviour, e.g. a water
 *   meter's permanent flow);
 * - bit 2 power low (end of battery life or loss of external power);
 * - bit 3 permanent error (needs service); bit 4 temporary error;
 * - bits 5-7 specific to the manufacturer (tamper, magnet, ... per meter type).
 * "Busy" is no fault, so it sets no flag here.
 */
import type { StatusFlag } from "./config";

export const MANUFACTURER_BITS = 0xe0;

const APPLICATION_ERROR = 0b10;
const ABNORMAL_CONDITION = 0b11;
const POWER_LOW = 0x04;
const PERMANENT_ERROR = 0x08;
const TEMPORARY_ERROR = 0x10;

/** Whether `flag` is set in the status byte `status` (0-255). */
export function statusFlagSet(status: number, flag: StatusFlag): boolean {
  const application = status & 0b11;
  switch (flag) {
    case "batteryLow":
      return (status & POWER_LOW) !== 0;
    case "error":
      return (status & (PERMANENT_ERROR | TEMPORARY_ERROR)) !== 0 || application === APPLICATION_ERROR;
    case "alarm":
      return application === ABNORMAL_CONDITION;
  }
}

/** The status byte of a reading's error register value, or null when it is none (not 0-255 integer). */
export function statusByte(value: number | null): number | null {
  return value !== null && Number.isInteger(value) && value >= 0 && value <= 0xff ? value : null;
}
