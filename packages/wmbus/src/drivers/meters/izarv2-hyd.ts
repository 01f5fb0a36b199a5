// wmbusmeters driver "izarv2" (water, manufacturer HYD): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_izarv2_hyd: WirelessDriver = {
  name: "izarv2",
  meter: "HYD water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "HYD",
    version: [80],
    medium: [72],
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
    {
      name: "target",
      unit: "m3",
      offset: 5,
      length: 4,
      coding: "uint",
      scale: 0.001,
    },
  ],
  golden: [
    {
      hex: "19442423860775035048A251520015BEB6B2E1ED623A18FC74A5",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 521.602,
        target_m3: 519.147,
      },
    },
  ],
};
