// wmbusmeters driver "weh_07" (water, manufacturer WEH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TARGET_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_weh_07: WirelessDriver = {
  name: "weh_07",
  meter: "WEH water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "WEH", version: [3], medium: [0x07] },
  fields: [TOTAL_M3_VIF_13, TARGET_M3],
  payload: [],
  golden: [
    {
      hex: "5244A85C8147602703077A5B0840252F2F0413B39100004413000000004D931E2C73FE0000000000000000000000000000000000000000000000000000000000000000000000009885001A0C002F2F426CBE29",
      source: CORPUS_FILE,
      expect: { total_m3: 37.299, target_m3: 0 },
    },
  ],
};
