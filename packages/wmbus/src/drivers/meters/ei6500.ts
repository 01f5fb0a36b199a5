// wmbusmeters driver "ei6500" (smoke detector, manufacturer EIE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_ei6500: WirelessDriver = {
  name: "ei6500",
  meter: "EIE smoke detector",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "EIE",
    version: [12],
    medium: [26],
  },
  fields: [
    {
      name: "alarm",
      unit: "counter",
      quantity: "cumulationCounter",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 1,
        subunit: 1,
        quantity: "cumulationCounter",
        vif: {
          table: "fd",
          code: 97,
        },
        vife: [],
      },
    },
    {
      name: "duration_removed",
      unit: "h",
      quantity: "tariffDuration",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 2,
        subunit: 1,
        quantity: "tariffDuration",
        vif: {
          table: "fd",
          code: 49,
        },
        vife: [],
      },
    },
    {
      name: "removed",
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
      quantity: "cumulationCounter",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 3,
        subunit: 1,
        quantity: "cumulationCounter",
        vif: {
          table: "fd",
          code: 97,
        },
        vife: [],
      },
    },
  ],
  payload: [
    {
      name: "dust_level",
      unit: "counter",
      offset: 0,
      length: 1,
      coding: "uint",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 1,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 44,
        },
        vife: [],
      },
    },
  ],
  golden: [
    {
      hex: "58442515747209010C1A7A8B0000000BFD0F070101046D2A06D82502FD17000082206CD825426CD0238440FF2C000F11008250FD61000082506C01018260FD6100008360FD3100000082606C01018270FD61000082706C0101",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        alarm_counter: 0,
        duration_removed_h: 0,
        removed_counter: 0,
        test_button_counter: 0,
        dust_level_counter: 0,
      },
    },
    {
      hex: "58442515747209010C1A7A8B0000000BFD0F070101046D2A06D82502FD17000082206CD825426CD0238440FF2C1C0F11008250FD61000082506C01018260FD6100008360FD3100000082606C01018270FD61000082706C0101",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        alarm_counter: 0,
        duration_removed_h: 0,
        removed_counter: 0,
        test_button_counter: 0,
        dust_level_counter: 28,
      },
    },
    {
      hex: "58442515747209010C1A7A900000000BFD0F070101046D3406D82502FD17000082206CD825426CD0238440FF2C020F11008250FD61010082506CD8258260FD6100008360FD3100000082606C01018270FD61020082706CD825",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        alarm_counter: 1,
        duration_removed_h: 0,
        removed_counter: 0,
        test_button_counter: 2,
        dust_level_counter: 2,
      },
    },
    {
      hex: "5E442515112801000C1A7A370050252F2F0BFD0F060101046D300CAB2202FD17000082206CAB22426C01018440FF2C000F11008250FD61000082506C01018260FD6100008360FD3100000082606C01018270FD61010082706CAB222F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        alarm_counter: 0,
        duration_removed_h: 0,
        removed_counter: 0,
        test_button_counter: 1,
        dust_level_counter: 0,
      },
    },
  ],
};
