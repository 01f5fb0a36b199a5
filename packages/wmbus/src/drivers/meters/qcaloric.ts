// wmbusmeters driver "qcaloric" (heat cost allocation, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_qcaloric: WirelessDriver = {
  name: "qcaloric",
  meter: "QDS heat cost allocation",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "QDS",
    version: [53, 54, 52],
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
      name: "consumption_at_set_date_1",
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
      name: "consumption_at_set_date_17",
      unit: "hca",
      quantity: "hcaUnits",
      from: {
        function: "instantaneous",
        storage: 17,
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
  ],
  payload: [
    {
      name: "current_consumption",
      unit: "hca",
      offset: 12,
      length: 4,
      coding: "bcd",
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
      name: "consumption_at_set_date",
      unit: "hca",
      offset: 18,
      length: 4,
      coding: "bcd",
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
      name: "consumption_at_set_date_1",
      unit: "hca",
      offset: 18,
      length: 4,
      coding: "bcd",
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
      name: "consumption_at_set_date_17",
      unit: "hca",
      offset: 12,
      length: 4,
      coding: "bcd",
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
      hex: "314493441234567835087A740000200B6E2701004B6E450100426C5F2CCB086E790000C2086C7F21326CFFFF046D200B7422",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_consumption_hca: 127,
        consumption_at_set_date_hca: 145,
        consumption_at_set_date_1_hca: 145,
        consumption_at_set_date_17_hca: 79,
      },
    },
    {
      hex: "314493441434568835087A740000200B6E2701004B6E450100426C5F2CCB086E790000C2086C7F21326CFFFF046D200B7422",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_consumption_hca: 127,
        consumption_at_set_date_hca: 145,
        consumption_at_set_date_1_hca: 145,
        consumption_at_set_date_17_hca: 79,
      },
    },
    {
      hex: "49449344825253303608780DFF5F350082430035E3DFC4EAC97A58B8610713D93549E2601258D617D267E7515C764B002A88CD341A9F9DF3C6034DE5B6D1FAB3619CBA9F046D250DDA2C",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {},
    },
    {
      hex: "49449344939291903408780DFF5F350082180000800007B06EFFFF970000009F2C70020000BE26970000000000010018002E001F002E0023FF210008000500020000002F046D220FA228",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_consumption_hca: 97,
        consumption_at_set_date_hca: 270,
        consumption_at_set_date_1_hca: 270,
        consumption_at_set_date_17_hca: 97,
      },
    },
  ],
};
