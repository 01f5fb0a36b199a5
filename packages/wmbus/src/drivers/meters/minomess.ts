// wmbusmeters driver "minomess" (cold water, manufacturer ZRI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TARGET_M3_VIF_13, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_minomess: WirelessDriver = {
  name: "minomess",
  meter: "ZRI cold water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ZRI", version: [1], medium: [0x16] },
  fields: [TOTAL_M3_VIF_13, TARGET_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "6644496A4425155518377251413121496A0116360050052F2F0C1355000000026CEC2182046CE1218C0413000000808D0493132C33FE00008000008000008000008000008000008000008000008000008000008000008000008000008000008002FD1700002F2F",
      source: CORPUS_FILE,
      expect: { total_m3: 0.055, target_m3: 80000 },
    },
  ],
};
