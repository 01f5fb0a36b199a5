// wmbusmeters driver "qsmoke" (smoke detector, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_qsmoke: WirelessDriver = {
  name: "qsmoke",
  meter: "QDS smoke detector",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "QDS",
    version: [33],
    medium: [26],
  },
  fields: [
    {
      name: "alarm",
      unit: "counter",
      quantity: "errorFlags",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "errorFlags",
        vif: {
          table: "fd",
          code: 23,
        },
        vife: [],
      },
    },
    {
      name: "test_button",
      unit: "counter",
      quantity: "errorFlags",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "errorFlags",
        vif: {
          table: "fd",
          code: 23,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "3E44934486707945211A7801FD08F081027C034955230082026CFFFF81037C034C41230082036CFFFF03FD17000000326CFFFF046D0F0ABC2B02FDAC7E1100",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        alarm_counter: 0,
        test_button_counter: 0,
      },
    },
  ],
};
