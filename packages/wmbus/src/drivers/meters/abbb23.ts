// wmbusmeters driver "abbb23" (electricity, manufacturer ABB): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_abbb23: WirelessDriver = {
  name: "abbb23",
  meter: "ABB electricity",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "ABB",
    version: [32],
    medium: [2],
  },
  fields: [
    {
      name: "ct_denominator",
      unit: "factor",
      quantity: "manufacturerSpecific",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 32,
        },
        vife: [21],
      },
    },
    {
      name: "ct_numerator",
      unit: "factor",
      quantity: "manufacturerSpecific",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 32,
        },
        vife: [21],
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
          code: 4,
        },
        vife: [0],
      },
    },
    {
      name: "vt_denominator",
      unit: "factor",
      quantity: "manufacturerSpecific",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 32,
        },
        vife: [21],
      },
    },
    {
      name: "vt_numerator",
      unit: "factor",
      quantity: "manufacturerSpecific",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 32,
        },
        vife: [21],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "844442040011223320027A3E0000200E840017495200000004FFA0150000000004FFA1150000000004FFA2150000000004FFA3150000000007FFA600000000000000000007FFA700000000000000000007FFA800000000000000000007FFA90000000000000000000DFD8E0007302E38322E31420DFFAA000B3030312D313131203332421F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        ct_denominator_factor: 0,
        ct_numerator_factor: 0,
        total_energy_consumption_kwh: 5249.17,
        vt_denominator_factor: 0,
        vt_numerator_factor: 0,
      },
    },
  ],
};
