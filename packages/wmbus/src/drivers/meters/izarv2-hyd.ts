// wmbusmeters driver "izarv2" (water, manufacturer HYD): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_izarv2_hyd: WirelessDriver = {
  name: "izarv2",
  meter: "HYD water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "HYD", version: [80], medium: [0x48] },
  fields: [],
  payload: [bytes("total", "m3", 1, 4, "uint", 0.001), bytes("target", "m3", 5, 4, "uint", 0.001)],
  golden: [
    {
      hex: "19442423860775035048A251520015BEB6B2E1ED623A18FC74A5",
      source: CORPUS_FILE,
      expect: { total_m3: 521.602, target_m3: 519.147 },
    },
  ],
};
