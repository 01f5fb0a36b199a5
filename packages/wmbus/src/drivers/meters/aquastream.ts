// wmbusmeters driver "aquastream" (water, manufacturer IMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TARGET_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_aquastream: WirelessDriver = {
  name: "aquastream",
  meter: "IMT water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "IMT", version: [1], medium: [0x07] },
  fields: [TARGET_M3, TOTAL_M3_VIF_13, rec("total_backwards", "m3", "volume", 0x13, { tariff: 1 })],
  payload: [],
  golden: [
    {
      hex: "4644B42557920410050E7237329305B42501075B0030252F2F04130342000084101300000000046D0D30F62B441349180000426CFF2A02FD17000002FD74DB152F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { target_m3: 6.217, total_m3: 16.899, total_backwards_m3: 0 },
    },
  ],
};
