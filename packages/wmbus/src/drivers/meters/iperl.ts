// wmbusmeters driver "iperl" (water, manufacturer SEN): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_iperl: WirelessDriver = {
  name: "iperl",
  meter: "SEN water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "SEN", version: [104], medium: [0x07] },
  fields: [TOTAL_M3_VIF_13, rec("max_flow", "m3h", "volumeFlow", 0x3b)],
  payload: [],
  golden: [
    {
      hex: "1844AE4C4455223368077A55000000041389E20100023B0000",
      source: CORPUS_FILE,
      expect: { total_m3: 123.529, max_flow_m3h: 0 },
    },
  ],
};
