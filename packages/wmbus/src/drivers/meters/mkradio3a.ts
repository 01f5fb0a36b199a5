// wmbusmeters driver "mkradio3a" (cold water, manufacturer TCH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_mkradio3a: WirelessDriver = {
  name: "mkradio3a",
  meter: "TCH cold water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "TCH", version: [80], medium: [0x72] },
  fields: [],
  payload: [bytes("last_aug", "m3", 27, 2, "bcd", 0.1), bytes("total", "m3", 4, 4, "uint", 0.1)],
  golden: [
    {
      hex: "36446850420656625072A20C007C3110250000293400373A002E38000E15002F37003A39003835002F24003930001D2500312500162900",
      source: CORPUS_FILE,
      expect: { last_aug_m3: 3.5, total_m3: 948.8 },
    },
  ],
};
