// wmbusmeters driver "izar" (water, manufacturer SAP): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_izar: WirelessDriver = {
  name: "izar",
  meter: "SAP water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "SAP", version: [188], medium: [0x01] },
  fields: [],
  payload: [bytes("total", "m3", 1, 4, "uint", 0.001)],
  golden: [
    { hex: "1344304CF3628920BC01A0712F03130CEB627A81", source: CORPUS_FILE, expect: { total_m3: 1248.146 } },
  ],
};
