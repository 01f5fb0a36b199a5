// wmbusmeters driver "lansenpu" (electricity, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_lansenpu: WirelessDriver = {
  name: "lansenpu",
  meter: "LAS electricity",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LAS",
    version: [11, 20],
    medium: [2, 0],
  },
  fields: [
    {
      name: "b",
      unit: "counter",
      quantity: "dimensionless",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 1,
        quantity: "dimensionless",
        vif: {
          table: "fd",
          code: 58,
        },
        vife: [],
      },
    },
    {
      name: "a",
      unit: "counter",
      quantity: "dimensionless",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "dimensionless",
        vif: {
          table: "fd",
          code: 58,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "1A443330503702000B027AD70000202F2F8E40FD3A700800000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        b_counter: 870,
      },
    },
    {
      hex: "234433300602010014007A8E0000002F2F0EFD3A1147000000008E40FD3A341200000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        a_counter: 4711,
        b_counter: 1234,
      },
    },
  ],
};
