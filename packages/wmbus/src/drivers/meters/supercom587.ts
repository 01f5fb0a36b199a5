// wmbusmeters driver "supercom587" (water, manufacturer SON): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_supercom587: WirelessDriver = {
  name: "supercom587",
  meter: "SON water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "SON", version: [60], medium: [0x07, 0x06] },
  fields: [TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "A244EE4D111111113C077AAC0000000C1389490000426CE1F14C130000000082046C21298C0413010000008D04931E3A3CFE0100000001000000010000000100000001000000010000000100000001000000010000000100000001000000010000001600000031130000046D0A0C5C2B03FD6C60150082206C5C290BFD0F0200018C4079629885238310FD3100000082106C01018110FD610002FD66020002FD170000",
      source: CORPUS_FILE,
      expect: { total_m3: 4.989 },
    },
  ],
};
