// wmbusmeters driver "dme_07" (water, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_dme_07: WirelessDriver = {
  name: "dme_07",
  meter: "DME water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "DME",
    version: [123],
    medium: [7],
  },
  fields: [
    {
      name: "total",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "1E44A511909192937B077A9F0010052F2F04130347030002FD1700002F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 214.787,
      },
    },
  ],
};
