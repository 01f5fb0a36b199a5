// wmbusmeters driver "zenner0b" (cold water, manufacturer ZRI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_zenner0b: WirelessDriver = {
  name: "zenner0b",
  meter: "ZRI cold water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "ZRI",
    version: [11],
    medium: [22],
  },
  fields: [],
  payload: [
    {
      name: "total",
      unit: "m3",
      offset: 9,
      length: 4,
      coding: "uint",
      scale: 0.001,
    },
  ],
  golden: [
    {
      hex: "1E44496A677308500B167AD80010252F2F0F0000000080BF1B0000A6420000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 17.062,
      },
    },
  ],
};
