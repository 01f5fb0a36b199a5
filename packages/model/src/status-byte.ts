/**
 * The status byte of a meter message (EN 13757-7:2018 clause 7.5.6, the layout of EN 13757-3:2004
 * Table 3 and OMS Vol. 2), as the wM-Bus reader stores it in the error register 0-0:97.97.0:
 * - bits 0-1 application status: 00 no error, 01 application busy, 10 any application error,
 *   11 abnormal condition / alarm;
 * - bit 2 power low (end of battery life or loss of external power);
 * - bit 3 permanent error (needs service); bit 4 temporary error;
 * - bits 5-7 specific to the manufacturer.
 * Plain data, free of zod, so browser code can import it alone (`@omdp/model/status-byte`).
 */

/** The register holding the status byte. */
export const STATUS_PROPERTY = "0-0:97.97.0";

/** Masks of the status byte's fields. */
export const STATUS_BITS = {
  application: 0x03,
  powerLow: 0x04,
  permanentError: 0x08,
  temporaryError: 0x10,
  manufacturer: 0xe0,
} as const;

/** The application status (bits 0-1) by its value. */
export const APPLICATION_STATUS = ["ok", "busy", "error", "alarm"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUS)[number];

/** The application status of a status byte. */
export function applicationStatus(status: number): ApplicationStatus {
  return APPLICATION_STATUS[status & STATUS_BITS.application] as ApplicationStatus;
}

/** The single-bit flags (bits 2-4) in bit order. */
export const STATUS_FLAGS = ["powerLow", "permanentError", "temporaryError"] as const;
export type StatusBitFlag = (typeof STATUS_FLAGS)[number];

/** Whether a single-bit flag is set in the status byte. */
export function statusBitSet(status: number, flag: StatusBitFlag): boolean {
  return (status & STATUS_BITS[flag]) !== 0;
}
