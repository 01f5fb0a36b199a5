// wmbusmeters driver "amiplus" (electricity, manufacturer APA): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_amiplus_apa: WirelessDriver = {
  name: "amiplus",
  meter: "APA electricity",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "APA",
    version: [2, 1],
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
          code: 3,
        },
        vife: [],
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
          code: 3,
        },
        vife: [60],
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
        tariff: 1,
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
  ],
  payload: [],
  golden: [
    {
      hex: "4E4401061010101002027A000040052F2F0E035040691500000B2B300300066D00790C7423400C78371204860BABC8FC100000000E833C8074000000000BAB3C0000000AFDC9FC0136022F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_energy_consumption_kwh: 15694.05,
        current_power_consumption_kw: 0.33,
        total_energy_production_kwh: 7.48,
        current_power_production_kw: 0,
        voltage_at_phase_1_v: 236,
      },
    },
    {
      hex: "7E4401068408095501027A7C1070052F2F066DDE5E150D39800C78840809550AFDC9FC0139028E30833C0000000000008E20833C0000000000008E10833C4301000000000BABC8FC100000008E10035336420200008E20030000000000008E30030000000000000B2B9502000BAB3C0000002F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_power_consumption_kw: 0.295,
        current_power_production_kw: 0,
        total_energy_consumption_tariff_1_kwh: 2423.653,
        total_energy_consumption_tariff_2_kwh: 0,
        total_energy_consumption_tariff_3_kwh: 0,
        total_energy_production_tariff_1_kwh: 0.143,
        total_energy_production_tariff_2_kwh: 0,
        total_energy_production_tariff_3_kwh: 0,
        voltage_at_phase_1_v: 239,
      },
    },
  ],
};
