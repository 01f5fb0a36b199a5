// wmbusmeters driver "fhkvdataiii" (heat cost allocator, manufacturer TCH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_fhkvdataiii: WirelessDriver = {
  name: "fhkvdataiii",
  meter: "TCH heat cost allocator",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "TCH",
    version: [105],
    medium: [128],
  },
  fields: [],
  payload: [
    {
      name: "current",
      unit: "hca",
      offset: 7,
      length: 2,
      coding: "uint",
    },
    {
      name: "previous",
      unit: "hca",
      offset: 3,
      length: 2,
      coding: "uint",
    },
    {
      name: "temp_radiator",
      unit: "c",
      offset: 11,
      length: 2,
      coding: "uint",
      scale: 0.01,
    },
    {
      name: "temp_room",
      unit: "c",
      offset: 9,
      length: 2,
      coding: "uint",
      scale: 0.01,
    },
  ],
  golden: [
    {
      hex: "32446850059605416980A0019F334805400CFE029808B1080000000000060F4F3467AEA9A88D7B8D503E000000000000000000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_hca: 766,
        previous_hca: 1352,
        temp_radiator_c: 22.25,
        temp_room_c: 22,
      },
    },
    {
      hex: "34446850226677116980A0119F27020480048300C408F709143C003D341A2B0B2A0707000000000000062D114457563D71A1850000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_hca: 131,
        previous_hca: 1026,
        temp_room_c: 22.44,
        temp_radiator_c: 25.51,
      },
    },
  ],
};
