// wmbusmeters driver "amiplus" (electricity, manufacturer NES): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_amiplus_nes: WirelessDriver = {
  name: "amiplus",
  meter: "NES electricity",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "NES",
    version: [3],
    medium: [2],
  },
  fields: [
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
        vife: [72, 124, 16],
      },
    },
    {
      name: "total_energy_consumption_tariff_1",
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
      name: "total_energy_consumption_tariff_2",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 2,
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
      name: "total_energy_consumption_tariff_3",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 3,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 3,
        },
        vife: [60],
      },
    },
    {
      name: "total_energy_production_tariff_1",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 3,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 3,
        },
        vife: [60],
      },
    },
    {
      name: "total_energy_production_tariff_2",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 3,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 3,
        },
        vife: [60],
      },
    },
    {
      name: "total_energy_production_tariff_3",
      unit: "kwh",
      quantity: "energy",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 3,
        subunit: 0,
        quantity: "energy",
        vif: {
          table: "primary",
          code: 3,
        },
        vife: [60],
      },
    },
    {
      name: "voltage_at_phase_1",
      unit: "v",
      quantity: "voltage",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "voltage",
        vif: {
          table: "fd",
          code: 73,
        },
        vife: [124, 1],
      },
    },
    {
      name: "voltage_at_phase_2",
      unit: "v",
      quantity: "voltage",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "voltage",
        vif: {
          table: "fd",
          code: 73,
        },
        vife: [124, 2],
      },
    },
    {
      name: "voltage_at_phase_3",
      unit: "v",
      quantity: "voltage",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "voltage",
        vif: {
          table: "fd",
          code: 73,
        },
        vife: [124, 3],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "8F44B3382664080003027A090080052F2F066D37090E2232050C78266408000AFDC9FC0142020AFDC9FC0240020AFDC9FC0338028E30833C0000000000008E20833C0000000000008E10833C0000000000000BABC8FC100000008E10030750030000008E20035379060000008E30030000000000000B2B1307000BAB3C0000002F2F2F2F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_power_consumption_kw: 0.713,
        current_power_production_kw: 0,
        total_energy_consumption_tariff_1_kwh: 35.007,
        total_energy_consumption_tariff_2_kwh: 67.953,
        total_energy_consumption_tariff_3_kwh: 0,
        total_energy_production_tariff_1_kwh: 0,
        total_energy_production_tariff_2_kwh: 0,
        total_energy_production_tariff_3_kwh: 0,
        voltage_at_phase_1_v: 242,
        voltage_at_phase_2_v: 240,
        voltage_at_phase_3_v: 238,
      },
    },
  ],
};
