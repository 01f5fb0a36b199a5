// wmbusmeters driver "mkradio3a" (cold water, manufacturer TCH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_mkradio3a: WirelessDriver = {
  name: "mkradio3a",
  meter: "TCH cold water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "TCH",
    version: [80],
    medium: [114],
  },
  fields: [],
  payload: [
    {
      name: "last_aug",
      unit: "m3",
      offset: 27,
      length: 2,
      coding: "bcd",
      scale: 0.1,
    },
    {
      name: "total",
      unit: "m3",
      offset: 4,
      length: 4,
      coding: "uint",
      scale: 0.1,
    },
  ],
  golden: [
    {
      hex: "36446850420656625072A20C007C3110250000293400373A002E38000E15002F37003A39003835002F24003930001D2500312500162900",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        last_aug_m3: 3.5,
        total_m3: 948.8,
      },
    },
  ],
};
