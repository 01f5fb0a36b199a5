// wmbusmeters driver "ultraheat" (heat, manufacturer LUG): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_ultraheat: WirelessDriver = {
  name: "ultraheat",
  meter: "LUG heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LUG",
    version: [4],
    medium: [4],
  },
  fields: [
    {
      name: "flow",
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
      name: "flow",
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
      name: "heat",
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
          code: 45,
        },
        vife: [],
      },
    },
    {
      name: "return",
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
      name: "volume",
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
  ],
  payload: [],
  golden: [
    {
      hex: "3B44A7320556637104047AFA2000202F2F0C06774202000C14399956000B2D0200F00B3B3018000A5A51030A5E520302FD170000066D0C080AF42500",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        flow_c: 35.1,
        flow_m3h: 1.83,
        heat_kwh: 24277,
        power_kw: -0.2,
        return_c: 35.2,
        volume_m3: 5699.39,
      },
    },
  ],
};
