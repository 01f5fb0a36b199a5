// wmbusmeters driver "whe46x" (heat cost allocation, manufacturer LSE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_whe46x: WirelessDriver = {
  name: "whe46x",
  meter: "LSE heat cost allocation",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LSE",
    version: [24],
    medium: [8],
  },
  fields: [
    {
      name: "flow_temperature",
      unit: "c",
      quantity: "flowTemperature",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "flowTemperature",
        vif: {
          table: "primary",
          code: 90,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "344465325566366018087A90040000046D1311962C01FD0C03326CFFFF01FD7300025AC2000DFF5F0C0008003030810613080BFFFC",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        flow_temperature_c: 19.4,
      },
    },
  ],
};
