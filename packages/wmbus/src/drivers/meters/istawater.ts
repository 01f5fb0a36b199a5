// wmbusmeters driver "istawater" (water, manufacturer IST): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_istawater: WirelessDriver = {
  name: "istawater",
  meter: "IST water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "IST", version: [49], medium: [0x07] },
  fields: [rec("target", "m3", "volume", 0x13, { storage: 2 }), TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "434474262957702231078C2095900F002C25D744B09E30930AFB644687F97AD7002007102F2F0C136960320082016C1E398C0113626032002F2F2F2F2F2F2F2F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { target_m3: 326.062, total_m3: 326.069 },
    },
  ],
};
