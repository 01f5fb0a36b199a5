/**
 * Data-Access-Result (Green Book 9.5, "Data-Access-Result ::= ENUMERATED"), as data: the reason a
 * get-response carries instead of a value.
 */
export const DATA_ACCESS_RESULTS: Readonly<Record<number, string>> = {
  0: "success",
  1: "hardware-fault",
  2: "temporary-failure",
  3: "read-write-denied",
  4: "object-undefined",
  9: "object-class-inconsistent",
  11: "object-unavailable",
  12: "type-unmatched",
  13: "scope-of-access-violated",
  14: "data-block-unavailable",
  15: "long-get-aborted",
  16: "no-long-get-in-progress",
  17: "long-set-aborted",
  18: "no-long-set-in-progress",
  19: "data-block-number-invalid",
  250: "other-reason",
};

export function dataAccessResultName(code: number): string {
  return DATA_ACCESS_RESULTS[code] ?? `data-access-result ${code}`;
}
