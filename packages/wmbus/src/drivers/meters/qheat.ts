// wmbusmeters driver "qheat" (heat, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_qheat: WirelessDriver = {
  name: "qheat",
  meter: "QDS heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "QDS",
    version: [35, 70],
    medium: [4],
  },
  fields: [
    {
      name: "total_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 5,
        },
        vife: [],
      },
    },
    {
      name: "total_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 13,
        },
        vife: [],
      },
    },
    {
      name: "last_month_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 13,
        },
        vife: [],
      },
    },
    {
      name: "last_month_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 17,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 5,
        },
        vife: [],
      },
    },
    {
      name: "last_year_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 5,
        },
        vife: [],
      },
    },
    {
      name: "last_year_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 13,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "3C449344123456782337729876543293442304FE0000200C05682235004C0580253200426CDF2CCC080525153500C2086CFE24326CFFFF046D1811F225",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_energy_consumption_kwh: 35226.8,
        last_month_energy_consumption_kwh: 35152.5,
        last_year_energy_consumption_kwh: 32258,
      },
    },
    {
      hex: "41449344796550674637727965506793444604DC0000200C0D000000004C0D00000000426CFFFFCC080D00000000C2086CDF2802FD170000326CFFFF046D3A0DDB29",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_energy_consumption_kwh: 0,
        last_month_energy_consumption_kwh: 0,
        last_year_energy_consumption_kwh: 0,
      },
    },
  ],
};
