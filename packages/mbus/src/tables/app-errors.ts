/** EN 13757-3:2013 table 17 "Application error codes" (CI 0x70), as data. */
export const APPLICATION_ERRORS: readonly string[] = [
  "Unspecified error",
  "Unimplemented CI-field",
  "Buffer too long, truncated",
  "Too many records",
  "Premature end of record",
  "More than 10 DIFEs",
  "More than 10 VIFEs",
  "Reserved",
  "Application too busy for handling readout request",
  "Too many readouts",
];

export function applicationErrorName(code: number | null): string {
  if (code === null) return "Unspecified error (no code)";
  return APPLICATION_ERRORS[code] ?? "Reserved";
}
