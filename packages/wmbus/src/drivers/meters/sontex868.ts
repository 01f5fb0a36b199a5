// wmbusmeters driver "sontex868" (heat cost allocation, manufacturer SON): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_sontex868: WirelessDriver = {
  name: "sontex868",
  meter: "SON heat cost allocation",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "SON",
    version: [22],
    medium: [8],
  },
  fields: [
    {
      name: "current_consumption",
      unit: "hca",
      quantity: "hcaUnits",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "hcaUnits",
        vif: {
          table: "primary",
          code: 110,
        },
        vife: [],
      },
    },
    {
      name: "consumption_at_set_date",
      unit: "hca",
      quantity: "hcaUnits",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "hcaUnits",
        vif: {
          table: "primary",
          code: 110,
        },
        vife: [],
      },
    },
    {
      name: "current_temp",
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
      name: "current_room_temp",
      unit: "c",
      quantity: "externalTemperature",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "externalTemperature",
        vif: {
          table: "primary",
          code: 101,
        },
        vife: [],
      },
    },
    {
      name: "max_temp",
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
      name: "max_temp_previous_period",
      unit: "c",
      quantity: "flowTemperature",
      from: {
        function: "maximum",
        storage: 1,
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
  ],
  payload: [],
  golden: [
    {
      hex: "AF46EE4D2827282716087A80000000046D040A9F2A036E770000426CE1F7436E660000525900008288016C61258388016E0000008D8801EE1E3533FE00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000005FF2D0000803F8520FF2D0000803F0259AD0A0265D8041259AD0A8310FD3100000082106C01018110FD610082206C9F2A0BFD0F01030102FF2C000002FD66AC08",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_consumption_hca: 119,
        consumption_at_set_date_hca: 102,
        current_temp_c: 27.33,
        current_room_temp_c: 12.4,
        max_temp_c: 27.33,
        max_temp_previous_period_c: 0,
      },
    },
  ],
};
