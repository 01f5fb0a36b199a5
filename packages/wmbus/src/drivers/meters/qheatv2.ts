// wmbusmeters driver "qheatv2" (heat, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_qheatv2: WirelessDriver = {
  name: "qheatv2",
  meter: "QDS heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "QDS",
    version: [72, 71, 62],
    medium: [4, 55],
  },
  fields: [
    {
      name: "target",
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
          code: 6,
        },
        vife: [],
      },
    },
    {
      name: "target_year",
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
          code: 6,
        },
        vife: [],
      },
    },
    {
      name: "total",
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
  ],
  payload: [
    {
      name: "energy_delta_12",
      unit: "kwh",
      offset: 3,
      length: 4,
      coding: "bcd",
      scale: 0.0001,
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 95,
        },
        vife: [],
      },
    },
    {
      name: "energy_delta_13",
      unit: "kwh",
      offset: 28,
      length: 1,
      coding: "uint",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 95,
        },
        vife: [],
      },
    },
    {
      name: "energy_delta_8",
      unit: "kwh",
      offset: 0,
      length: 1,
      coding: "uint",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "manufacturerSpecific",
        vif: {
          table: "manufacturer",
          code: 95,
        },
        vife: [],
      },
    },
  ],
  golden: [
    {
      hex: "414493444374266848377243742668934448042A0000200C06140000004C0600000000426CFFFFCC080600000000C2086C3C3202FD170000326CFFFF046D190F3533",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        target_kwh: 0,
        target_year_kwh: 0,
        total_kwh: 14,
      },
    },
    {
      hex: "58449344414620684737780779414620689344470C0DFF5F3500825A00000E0007C00DFFFF310803001F3C036800003E34310803000080008000800080008000800000931A92293128190C00002F02FD170000046D000F3235",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        energy_delta_13_kwh: 0,
        energy_delta_8_kwh: 0,
      },
    },
    {
      hex: "58449344798995673E377807797989956793443E040DFF5F3500827D0000810007C006FFFF531100003F3C490900005F318010000083003C0022000B0000000000000000000A002B00510083002F02FD170000046D16085832",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        energy_delta_12_kwh: 81,
        energy_delta_13_kwh: 131,
        energy_delta_8_kwh: 0,
      },
    },
  ],
};
