// wmbusmeters driver "lse_07_17" (warm water, manufacturer LSE): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_lse_07_17: WirelessDriver = {
  name: "lse_07_17",
  meter: "LSE warm water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LSE",
    version: [24, 216],
    medium: [6, 7],
  },
  fields: [
    {
      name: "consumption_at_set_date_8",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 8,
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
      name: "due",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 1,
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
      hex: "244465329933961318067AE10000008C04130070000082046CBE2B01FD0C11046D010CA22C",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        consumption_at_set_date_8_m3: 7,
      },
    },
    {
      hex: "2D4465320877411218067A8C0000000C13122100004C1300000000426CFFFF02BB560000326CFFFF046D2104BC2B",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 2.112,
        due_m3: 0,
      },
    },
    {
      hex: "2D44653223369909D8077A80000000046D130AED2B0C13233332004C1351762700426CDF2C326CFFFF02BB560000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        due_m3: 277.651,
        total_m3: 323.323,
      },
    },
    {
      hex: "2D4465329933961318067ADA0000000C13567100004C1300000000426CFFFF02BB560000326CFFFF046D2307A12C",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 7.156,
        due_m3: 0,
      },
    },
  ],
};
