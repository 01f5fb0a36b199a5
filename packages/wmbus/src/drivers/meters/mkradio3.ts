// wmbusmeters driver "mkradio3" (warm water, manufacturer TCH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_mkradio3: WirelessDriver = {
  name: "mkradio3",
  meter: "TCH warm water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "TCH",
    version: [116],
    medium: [98],
  },
  fields: [],
  payload: [
    {
      name: "target",
      unit: "m3",
      offset: 3,
      length: 2,
      coding: "uint",
      scale: 0.1,
    },
  ],
  golden: [
    {
      hex: "2F446850313233347462A2067F2459001008310000000306060906030609070606050509050505050407040605070500",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        target_m3: 8.9,
      },
    },
    {
      hex: "2F446850313233347462A2067F245900F007310000000306060906030609070606050509050505050407040605070500",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        target_m3: 8.9,
      },
    },
  ],
};
