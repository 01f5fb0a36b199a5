// wmbusmeters driver "ultrimisv2" (cold water, manufacturer APA): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { TARGET_M3, TOTAL_BACKWARD_M3, TOTAL_M3_VIF_13 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_ultrimisv2: WirelessDriver = {
  name: "ultrimisv2",
  meter: "APA cold water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "APA", version: [32], medium: [0x16] },
  fields: [TARGET_M3, TOTAL_BACKWARD_M3, TOTAL_M3_VIF_13],
  payload: [],
  golden: [
    {
      hex: "434401067141028020168C008B900F002C257F53316ABC7526B6B75FEBC27AAD002007102F2F04130E05000003FD1700400844135504000004933C540000002F2F2F2F2F",
      source: CORPUS_FILE,
      expect: { target_m3: 1.109, total_backward_m3: 0.084, total_m3: 1.294 },
    },
  ],
};
