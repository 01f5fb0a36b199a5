// wmbusmeters driver "hydrocalm3" (heat/cooling load, manufacturer BMT): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_hydrocalm3: WirelessDriver = {
  name: "hydrocalm3",
  meter: "BMT heat/cooling load",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "BMT",
    version: [11],
    medium: [13],
  },
  fields: [
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
          code: 14,
        },
        vife: [],
      },
    },
    {
      name: "total_cooling",
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
          code: 14,
        },
        vife: [],
        index: 1,
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
      name: "total_cooling",
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
        index: 1,
      },
    },
    {
      name: "c1_volume",
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
        index: 2,
      },
    },
    {
      name: "c2_volume",
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
        index: 2,
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
          code: 90,
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
          code: 94,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "8E44B409747372710B0D7A798080052F2F0C0E59600100046D1D36B9290C13679947000C0E000000000C13590000000C13000000000C13000000000A5A18020A5E11020F823D06003D06003D06003D0600140600620500480400E402001601000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000002F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_heating_kwh: 4460.833333,
        total_cooling_kwh: 0,
        total_heating_m3: 479.967,
        total_cooling_m3: 0.059,
        c1_volume_m3: 0,
        c2_volume_m3: 0,
        supply_temperature_c: 21.8,
        return_temperature_c: 21.1,
      },
    },
  ],
};
