// wmbusmeters driver "iperl" (water, manufacturer SEN): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_iperl: WirelessDriver = {
  name: "iperl",
  meter: "SEN water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "SEN",
    version: [104],
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
    {
      name: "max_flow",
      unit: "m3h",
      quantity: "volumeFlow",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "volumeFlow",
        vif: {
          table: "primary",
          code: 59,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "1844AE4C4455223368077A55000000041389E20100023B0000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 123.529,
        max_flow_m3h: 0,
      },
    },
  ],
};
