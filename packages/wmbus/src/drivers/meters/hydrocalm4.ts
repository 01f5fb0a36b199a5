// wmbusmeters driver "hydrocalm4" (heat/cooling load, manufacturer BMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_hydrocalm4: WirelessDriver = {
  name: "hydrocalm4",
  meter: "BMT heat/cooling load",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "BMT",
    version: [26],
    medium: [13],
  },
  fields: [
    {
      name: "total_cooling",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 1,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 3,
        },
        vife: [],
      },
    },
    {
      name: "total_cooling",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 1,
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
      name: "total_heating",
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
          code: 3,
        },
        vife: [],
      },
    },
    {
      name: "total_heating",
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
      name: "power",
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
          code: 40,
        },
        vife: [],
      },
    },
    {
      name: "return_temperature",
      unit: "c",
      quantity: "returnTemperature",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "returnTemperature",
        vif: {
          table: "primary",
          code: 93,
        },
        vife: [],
      },
    },
    {
      name: "supply_temperature",
      unit: "c",
      quantity: "flowTemperature",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "flowTemperature",
        vif: {
          table: "primary",
          code: 89,
        },
        vife: [],
      },
    },
    {
      name: "volume_flow",
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
      hex: "3A44B409381317051A0D8C00497A7A000000046D29AA153A0C03000000000C13000000008C1003050000008C1013040000000F6401000000000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_cooling_kwh: 0.005,
        total_cooling_m3: 0.004,
        total_heating_kwh: 0,
        total_heating_m3: 0,
      },
    },
    {
      hex: "3E44B409381317051A0D8C00497A7C000000046D2BAA153A0C03000000000C13000000000B3B0000000B280000000A5930230A5D08250F6402000000000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        power_kw: 0,
        return_temperature_c: 25.08,
        supply_temperature_c: 23.3,
        total_heating_kwh: 0,
        total_heating_m3: 0,
        volume_flow_m3h: 0,
      },
    },
  ],
};
