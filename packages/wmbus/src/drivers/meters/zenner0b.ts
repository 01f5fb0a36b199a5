// wmbusmeters driver "zenner0b" (cold water, manufacturer ZRI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_zenner0b: WirelessDriver = {
  name: "zenner0b",
  meter: "ZRI cold water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "ZRI", version: [11], medium: [0x16] },
  fields: [],
  payload: [bytes("target", "m3", 4, 4, "uint", 0.00000390625), bytes("total", "m3", 9, 4, "uint", 0.001)],
  golden: [
    {
      hex: "1E44496A677308500B167AD80010252F2F0F0000000080BF1B0000A6420000",
      source: CORPUS_FILE,
      expect: { target_m3: 7.1035, total_m3: 17.062 },
    },
  ],
};
