// wmbusmeters driver "lansenrp" (reserved, manufacturer LAS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_lansenrp: WirelessDriver = {
  name: "lansenrp",
  meter: "LAS reserved",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "LAS",
    version: [11],
    medium: [50],
  },
  fields: [
    {
      name: "battery",
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
          code: 70,
        },
        vife: [],
      },
    },
    {
      name: "listen_timer_value",
      unit: "counter",
      quantity: "dimensionless",
      from: {
        function: "instantaneous",
        storage: 1,
        tariff: 0,
        subunit: 0,
        quantity: "dimensionless",
        vif: {
          table: "fd",
          code: 58,
        },
        vife: [],
      },
    },
    {
      name: "pause_timer_value",
      unit: "counter",
      quantity: "dimensionless",
      from: {
        function: "instantaneous",
        storage: 2,
        tariff: 0,
        subunit: 0,
        quantity: "dimensionless",
        vif: {
          table: "fd",
          code: 58,
        },
        vife: [],
      },
    },
    {
      name: "seconds_to_mode_change",
      unit: "counter",
      quantity: "dimensionless",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 3,
        quantity: "dimensionless",
        vif: {
          table: "fd",
          code: 58,
        },
        vife: [],
      },
    },
    {
      name: "start_time_value",
      unit: "counter",
      quantity: "dimensionless",
      from: {
        function: "instantaneous",
        storage: 4,
        tariff: 0,
        subunit: 0,
        quantity: "dimensionless",
        vif: {
          table: "fd",
          code: 58,
        },
        vife: [],
      },
    },
    {
      name: "total_routed_messages",
      unit: "counter",
      quantity: "dimensionless",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 0,
        quantity: "dimensionless",
        vif: {
          table: "fd",
          code: 58,
        },
        vife: [],
      },
    },
    {
      name: "used_router_slots",
      unit: "counter",
      quantity: "dimensionless",
      from: {
        function: "instantaneous",
        storage: 0,
        tariff: 0,
        subunit: 1,
        quantity: "dimensionless",
        vif: {
          table: "fd",
          code: 58,
        },
        vife: [],
      },
    },
  ],
  payload: [],
  golden: [
    {
      hex: "54443330465903000B327A2B0000402F2F04FD3A946709008240FD3A600002FD0F9500818040FD3A0084C040FD3A8838000042FD3A28008201FD3A8C05C101FD3A7F8202FD3A3804066D35122EFB2B0002FD46D00C",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        battery_v: 3.28,
        listen_timer_value_counter: 40,
        pause_timer_value_counter: 1420,
        seconds_to_mode_change_counter: 14472,
        start_time_value_counter: 1080,
        total_routed_messages_counter: 616340,
        used_router_slots_counter: 96,
      },
    },
  ],
};
