// wmbusmeters driver "dme_07" (water, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_dme_07: WirelessDriver = {
  name: "dme_07",
  meter: "DME water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "DME", version: [123], medium: [0x07] },
  fields: [TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "1E44A511909192937B077A9F0010052F2F04130347030002FD1700002F2F2F",
      source: CORPUS_FILE,
      expect: { total_m3: 214.787 },
    },
  ],
};
