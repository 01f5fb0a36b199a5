// wmbusmeters driver "izarv2" (water, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_izarv2_dme: WirelessDriver = {
  name: "izarv2",
  meter: "DME water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "DME",
    version: [72],
    medium: [32],
  },
  fields: [],
  payload: [
    {
      name: "total",
      unit: "m3",
      offset: 1,
      length: 4,
      coding: "uint",
      scale: 0.001,
    },
  ],
  golden: [
    {
      hex: "1944A511780779194820A121170013355F8EDB2D03C6912B1E37",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 4.366,
      },
    },
  ],
};
