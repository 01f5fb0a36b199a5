// wmbusmeters driver "q400" (water, manufacturer AXI): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_q400: WirelessDriver = {
  name: "q400",
  meter: "AXI water",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "AXI",
    version: [16, 1],
    medium: [7],
  },
  fields: [
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
      name: "consumption_at_set_date",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 1,
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
      name: "total_forward",
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
      name: "total_backward",
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
        vife: [60],
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
      name: "forward_at_set_date",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 1,
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
      name: "backward_at_set_date",
      unit: "m3",
      quantity: "volume",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "volume",
        vif: {
          table: "primary",
          code: 19,
        },
        vife: [60],
      },
    },
    {
      name: "error_code",
      unit: "counter",
      quantity: "errorFlags",
      from: {
        function: "error",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "errorFlags",
        vif: {
          table: "fd",
          code: 23,
        },
        vife: [],
      },
    },
    {
      name: "error_free_time",
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
          code: 36,
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
  ],
  payload: [],
  golden: [
    {
      hex: "2E4409077272727210077AD71020052F2F046D040D742C041377000000446D0000612C4413000000002F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 0.119,
        consumption_at_set_date_m3: 0,
      },
    },
    {
      hex: "5E4409077372727210077A710050052F2F046D0110A92704130000000004933B0000000004933C00000000023B000002592A0A446D0000A12744130000000044933B0000000044933C0000000001FD74622F2F2F2F2F2F2F2F2F2F2F2F2F2F",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        total_m3: 0,
        total_forward_m3: 0,
        total_backward_m3: 0,
        flow_temperature_c: 26.02,
        volume_flow_m3h: 0,
        consumption_at_set_date_m3: 0,
        forward_at_set_date_m3: 0,
        backward_at_set_date_m3: 0,
      },
    },
    {
      hex: "614409074897280601077AD1000000046D2C173B370420580193040413FB94000004933BFB94000004933C01000000023B02000259E306446D000021374413C08A000044933BC08A000044933C0100000034FD17000000000424BA01930401FD745B",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        backward_at_set_date_m3: 0.001,
        consumption_at_set_date_m3: 35.52,
        error_code_counter: 0,
        error_free_time_h: 21317.527222,
        flow_temperature_c: 17.63,
        forward_at_set_date_m3: 35.52,
        on_time_h: 21317.5,
        total_backward_m3: 0.001,
        total_forward_m3: 38.139,
        total_m3: 38.139,
        volume_flow_m3h: 0.002,
      },
    },
  ],
};
