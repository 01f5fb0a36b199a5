// wmbusmeters driver "izarv2" (water, manufacturer SAP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_izarv2_sap: WirelessDriver = {
  name: "izarv2",
  meter: "SAP water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "SAP", version: [12], medium: [0x04] },
  fields: [],
  payload: [bytes("total", "m3", 1, 4, "uint", 0.001), bytes("target", "m3", 5, 4, "uint", 0.001)],
  golden: [
    {
      hex: "1944304C9C5824210C04A363140013716577EC59E8663AB0D31C",
      source: CORPUS_FILE,
      expect: { total_m3: 38.944, target_m3: 38.691 },
    },
  ],
};
