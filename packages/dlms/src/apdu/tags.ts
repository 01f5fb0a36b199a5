/**
 * xDLMS APDU tags used by push telegrams (DLMS UA 1000-2 "Green Book", 9.5 COSEM APDUs, and the
 * Gurux/IEC 62056-5-3 numbering): written once as data.
 */
export const APDU_TAG = {
  dataNotification: 0x0f,
  generalGloCiphering: 0xdb,
  generalDedCiphering: 0xdc,
  generalCiphering: 0xdd,
  generalBlockTransfer: 0xe0,
} as const;

export const APDU_NAMES: Readonly<Record<number, string>> = {
  15: "data-notification",
  219: "general-glo-ciphering",
  220: "general-ded-ciphering",
  221: "general-ciphering",
  224: "general-block-transfer",
};

export function isKnownApduTag(tag: number | undefined): boolean {
  return tag !== undefined && APDU_NAMES[tag] !== undefined;
}
