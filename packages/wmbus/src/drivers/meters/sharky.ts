// wmbusmeters driver "sharky" (heat, manufacturer DME): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_sharky: WirelessDriver = {
  name: "sharky",
  meter: "DME heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "DME",
    version: [64],
    medium: [4],
  },
  fields: [
    {
      name: "flow_temperature",
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
      name: "operating_time",
      unit: "h",
      quantity: "operatingTime",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "operatingTime",
        vif: {
          table: "primary",
          code: 39,
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
          code: 43,
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
    {
      name: "target_energy_consumption",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 5,
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
      name: "target_volume",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 5,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 20,
        },
        vife: [],
      },
    },
    {
      name: "temperature_difference",
      unit: "c",
      quantity: "temperatureDifference",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "temperatureDifference",
        vif: {
          table: "primary",
          code: 98,
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
          code: 14,
        },
        vife: [],
      },
    },
    {
      name: "total_energy_consumption_tariff1",
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
          code: 14,
        },
        vife: [],
      },
    },
    {
      name: "total_volume",
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
          code: 20,
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
      hex: "5E44A5115376916140047A0B0050052F2F0C0E829311008C100E000000000C14014938000C2B751400000B3B2902000A5A52070A5E95060A6256000A279015CC020E92831100CC021478113800C2026CDF2C2F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        flow_temperature_c: 75.2,
        operating_time_h: 38160,
        power_kw: 1.475,
        return_temperature_c: 69.5,
        target_energy_consumption_kwh: 32886.666667,
        target_volume_m3: 3811.78,
        temperature_difference_c: 5.6,
        total_energy_consumption_kwh: 33161.666667,
        total_energy_consumption_tariff1_kwh: 0,
        total_volume_m3: 3849.01,
        volume_flow_m3h: 0.229,
      },
    },
  ],
};
