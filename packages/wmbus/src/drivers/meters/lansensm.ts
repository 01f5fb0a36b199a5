// wmbusmeters driver "lansensm" (smoke detector, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_lansensm: WirelessDriver = {
  name: "lansensm",
  meter: "LAS smoke detector",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LAS",
    version: [3],
    medium: [26],
  },
  fields: [
    {
      name: "async_msg_id",
      unit: "counter",
      quantity: "accessNumber",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "accessNumber",
        vif: {
          table: "fd",
          code: 8,
        },
        vife: [],
      },
    },
    {
      name: "minutes_since_last_manual_test",
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
      hex: "2E44333004020100031A7AC40020052F2F02FD971D000004FD084C02000004FD3A467500002F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        async_msg_id_counter: 588,
        minutes_since_last_manual_test_counter: 30022,
      },
    },
  ],
};
