/**
 * Known meter quirks as data (STYLE.md principle 3). None is applied silently: each is enabled per meter
 * through `DecodeOptions.quirks`, and every use is listed in `SmlFile.quirksApplied` with its offset.
 * Without the option the decoder reports the typed error and, where it can tell, names the quirk.
 */
export interface SmlQuirk {
  readonly id: SmlQuirkId;
  readonly meters: readonly string[];
  readonly what: string;
  readonly sources: readonly string[];
}

export type SmlQuirkId = "dzg-unsigned-power" | "crc-byte-swapped" | "crc-kermit" | "missing-close";

/** OBIS C.D of the active power registers the DZG quirk concerns (total and L1..L3). */
export const DZG_POWER_REGISTERS: readonly string[] = ["16.7", "36.7", "56.7", "76.7"];

/** Manufacturer ("FLAG" id) in bytes 2..4 of a DZG server id (0A 01 'D' 'Z' 'G' ...). */
export const DZG_FLAG = "DZG";

export const SML_QUIRKS: Readonly<Record<SmlQuirkId, SmlQuirk>> = {
  "dzg-unsigned-power": {
    id: "dzg-unsigned-power",
    meters: ["DZG DVS-7412.2", "DZG DVS74", "DZG WS74121"],
    what:
      "Power tagged Integer16 (TL 0x53) but written as Unsigned16: 327.68..655.35 W (scaler -2) arrive as " +
      "negative values, e.g. 53 8B 28 = -299.12 W for a true 356.24 W. Other DZG meters send true negative " +
      "power in the same encoding (53 D6 CA = -105.50 W), so the fix is opt-in per meter, never by default.",
    sources: [
      "https://github.com/volkszaehler/libsml/issues/59",
      "https://github.com/volkszaehler/libsml/pull/104",
      "https://github.com/devZer0/libsml-testing/pull/16",
      "https://github.com/devZer0/libsml-testing/pull/15",
      "https://github.com/volkszaehler/libsml/issues/125",
    ],
  },
  "crc-byte-swapped": {
    id: "crc-byte-swapped",
    meters: [],
    what:
      "The X.25 CRC with its two bytes in the other order (high byte first). Accepted only when the swapped " +
      "value matches exactly; no meter with this fault is documented in the sources we searched.",
    sources: [],
  },
  "crc-kermit": {
    id: "crc-kermit",
    meters: ["Holley DTZ541"],
    what: "CRC-16/CCITT (KERMIT: init 0, no final xor) instead of CRC-16/X.25.",
    sources: ["https://github.com/volkszaehler/libsml/issues/75"],
  },
  "missing-close": {
    id: "missing-close",
    meters: [],
    what:
      "The file ends (end escape, valid file CRC) after the get-list response without the " +
      "SML_PublicClose.Res message SML 1.04 requires. Accepted only with the flag; no meter model is " +
      "named in the sources we searched.",
    sources: [],
  },
};

export interface QuirkUse {
  readonly id: SmlQuirkId;
  readonly offset: number;
  readonly detail: string;
}
