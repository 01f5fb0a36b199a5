// wmbusmeters driver "izarv2" (water, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_izarv2_dme: WirelessDriver = {
  name: "izarv2",
  meter: "DME water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "DME", version: [72], medium: [0x20] },
  fields: [],
  payload: [bytes("total", "m3", 1, 4, "uint", 0.001)],
  golden: [
    {
      hex: "1944A511780779194820A121170013355F8EDB2D03C6912B1E37",
      source: CORPUS_FILE,
      expect: { total_m3: 4.366 },
    },
  ],
};
