// wmbusmeters driver "mkradio3" (warm water, manufacturer TCH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_mkradio3: WirelessDriver = {
  name: "mkradio3",
  meter: "TCH warm water",
  source: CORPUS_SOURCE,
  match: { manufacturer: "TCH", version: [116], medium: [0x62] },
  fields: [],
  payload: [bytes("target", "m3", 3, 2, "uint", 0.1)],
  golden: [
    {
      hex: "2F446850313233347462A2067F2459001008310000000306060906030609070606050509050505050407040605070500",
      source: CORPUS_FILE,
      expect: { target_m3: 8.9 },
    },
    {
      hex: "2F446850313233347462A2067F245900F007310000000306060906030609070606050509050505050407040605070500",
      source: CORPUS_FILE,
      expect: { target_m3: 8.9 },
    },
  ],
};
