// wmbusmeters driver "omnipower" (electricity, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_omnipower: WirelessDriver = {
  name: "omnipower",
  meter: "KAM electricity",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "KAM",
    version: [48],
    medium: [2],
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
          code: 4,
        },
        vife: [],
      },
    },
    {
      name: "total_energy_production",
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
          code: 4,
        },
        vife: [60],
      },
    },
    {
      name: "current_power_consumption",
      unit: "kw",
      quantity: "power",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "power",
        vif: {
          table: "primary",
          code: 43,
        },
        vife: [],
      },
    },
    {
      name: "current_power_production",
      unit: "kw",
      quantity: "power",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "power",
        vif: {
          table: "primary",
          code: 43,
        },
        vife: [60],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "2D442D2C5768663230028D20E4E2C81C20878C7804041A03000004843C00000000042B0300000004AB3C00000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_energy_consumption_kwh: 7.94,
        total_energy_production_kwh: 0,
        current_power_consumption_kw: 0.003,
        current_power_production_kw: 0,
      },
    },
  ],
};
