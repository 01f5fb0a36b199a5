// wmbusmeters driver "multical603" (heat, manufacturer KAM): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_multical603: WirelessDriver = {
  name: "multical603",
  meter: "KAM heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "KAM",
    version: [53],
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
          code: 6,
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
    {
      name: "t1_temperature",
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
      name: "t2_temperature",
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
      name: "forward_energy",
      unit: "m3c",
      quantity: "manufacturerSpecific",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 7,
        },
        vife: [],
      },
    },
    {
      name: "return_energy",
      unit: "m3c",
      quantity: "manufacturerSpecific",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 8,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "42442D2C3636363635048D20E18025B62087D0780406A500000004FF072B01000004FF089C000000041421020000043B120000000259D014025D000904FF2200000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_energy_consumption_kwh: 165,
        total_volume_m3: 5.45,
        volume_flow_m3h: 0.018,
        t1_temperature_c: 53.28,
        t2_temperature_c: 23.04,
        forward_energy_m3c: 299,
        return_energy_m3c: 156,
      },
    },
  ],
};
