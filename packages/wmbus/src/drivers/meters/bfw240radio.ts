// wmbusmeters driver "bfw240radio" (heat cost allocation, manufacturer BFW): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_bfw240radio: WirelessDriver = {
  name: "bfw240radio",
  meter: "BFW heat cost allocation",
  source: CORPUS_SOURCE,
  match: { manufacturer: "BFW", version: [2], medium: [0x08] },
  fields: [],
  payload: [
    bytes("prev", "hca", 3, 3, "uint"),
    bytes("prev_02", "hca", 3, 3, "uint"),
    bytes("prev_04", "hca", 29, 2, "uint"),
  ],
  golden: [
    {
      hex: "3644D7084774700002087A80C000002F2F6F1F01440100147000000000000000000000000000000000000000000037009B4410AC260221",
      source: CORPUS_FILE,
      expect: { prev_hca: 324, prev_02_hca: 324, prev_04_hca: 55 },
    },
  ],
};
