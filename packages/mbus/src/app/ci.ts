/** EN 13757-3:2013 table 2 "CI-field codes" that this codec handles, as data. */
export const CI = {
  APPLICATION_RESET: 0x50,
  DATA_SEND: 0x51,
  SELECT_SECONDARY: 0x52,
  APPLICATION_ERROR: 0x70,
  RESPONSE_LONG: 0x72,
  RESPONSE_FIXED: 0x73,
  RESPONSE_NONE: 0x78,
  RESPONSE_SHORT: 0x7a,
} as const;

/** How the user data after a CI is structured. */
export type CiLayout = "long" | "short" | "none" | "fixed" | "error" | "select";

const LAYOUT: Readonly<Record<number, CiLayout>> = {
  [CI.RESPONSE_LONG]: "long",
  [CI.RESPONSE_SHORT]: "short",
  [CI.RESPONSE_NONE]: "none",
  [CI.DATA_SEND]: "none",
  [CI.RESPONSE_FIXED]: "fixed",
  [CI.APPLICATION_ERROR]: "error",
  [CI.SELECT_SECONDARY]: "select",
};

export function ciLayout(ci: number): CiLayout | undefined {
  return LAYOUT[ci];
}
