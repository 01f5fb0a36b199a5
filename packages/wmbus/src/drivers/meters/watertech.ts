// wmbusmeters driver "watertech" (water, manufacturer WTT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_watertech: WirelessDriver = {
  name: "watertech",
  meter: "WTT water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "WTT",
    version: [89],
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
      hex: "3144945E3838383859078C20007A010020252F2F066D1C1F0EF021000413B91E000002FD17000002FD0F4C2B2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 7.865,
      },
    },
  ],
};
