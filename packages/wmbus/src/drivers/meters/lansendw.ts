// wmbusmeters driver "lansendw" (reserved, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_lansendw: WirelessDriver = {
  name: "lansendw",
  meter: "LAS reserved",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LAS",
    version: [7],
    medium: [29],
  },
  fields: [
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
  ],
  payload: [],
  golden: [
    {
      hex: "2E44333005020100071D7AB54800002F2F02FD1B110002FD971D01000EFD3A2200000000008E40FD3A000000000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        a_counter: 22,
        b_counter: 0,
      },
    },
  ],
};
