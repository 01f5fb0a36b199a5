// wmbusmeters driver "ev200" (water, manufacturer ELR): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { rec } from "../fieldsets/records";
import { TOTAL_M3 } from "../fieldsets/shared";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_ev200: WirelessDriver = {
  name: "ev200",
  meter: "ELR water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ELR", version: [13], medium: [0x07] },
  fields: [TOTAL_M3, rec("target", "m3", "volume", 0x12, { storage: 1 })],
  payload: [],
  golden: [
    {
      hex: "2E449215303099990D077AB50820452F2F0C12495849004C12557545000FB10445007022C50BFFFFFFFF0000FFF000",
      source: CORPUS_FILE,
      expect: { total_m3: 49.5849, target_m3: 45.7555 },
    },
  ],
};
