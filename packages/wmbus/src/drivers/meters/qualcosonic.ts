// wmbusmeters driver "qualcosonic" (heat/cooling load, manufacturer AXI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_qualcosonic: WirelessDriver = {
  name: "qualcosonic",
  meter: "AXI heat/cooling load",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "AXI",
    version: [11],
    medium: [13],
  },
  fields: [
    {
      name: "operating_time",
      unit: "h",
      quantity: "onTime",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "onTime",
        vif: {
          table: "primary",
          code: 32,
        },
        vife: [],
      },
    },
    {
      name: "on_time",
      unit: "h",
      quantity: "onTime",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "onTime",
        vif: {
          table: "primary",
          code: 32,
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
          code: 89,
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
      name: "flow_return_temperature_difference",
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
          code: 97,
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
    {
      name: "total_heat_energy",
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
          code: 6,
        },
        vife: [59],
      },
    },
    {
      name: "total_cooling_energy",
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
          code: 6,
        },
        vife: [60],
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
      name: "target_heat_energy",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 16,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 6,
        },
        vife: [59],
      },
    },
    {
      name: "target_cooling_energy",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 16,
        tariff: 0,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 6,
        },
        vife: [60],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "76440907086401030B0D7A78000000046D030FB726346D0000010134FD170000000004200F13CF0104240F13CF0104863B0000000004863CDC0000000413B5150600042B86F1FFFF043B030200000259C002025D2C05026194FD0C780864010384086D3B17BF258408863B000000008408863C0B000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        operating_time_h: 8430.013056,
        on_time_h: 8430.013056,
        total_m3: 398.773,
        flow_temperature_c: 7.04,
        return_temperature_c: 13.24,
        flow_return_temperature_difference_c: -6.2,
        volume_flow_m3h: 0.515,
        total_heat_energy_kwh: 0,
        total_cooling_energy_kwh: 220,
        power_kw: -3.706,
        target_heat_energy_kwh: 0,
        target_cooling_energy_kwh: 11,
      },
    },
  ],
};
