// wmbusmeters driver "compact5" (heat, manufacturer TCH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import type { WirelessDriver } from "../types";

export const wm_compact5: WirelessDriver = {
  name: "compact5",
  meter: "TCH heat",
  source:
    "github:wmbusmeters/wmbusmeters@4dedd717d3af8043ffa3e94f69476656ccd17bc2 (GPL-3.0), as copied in test/fixtures/wmbusmeters_wmbus.json: telegrams and the values wmbusmeters prints (facts only)",
  match: {
    manufacturer: "TCH",
    version: [69, 57],
    medium: [67],
  },
  fields: [],
  payload: [
    {
      name: "current",
      unit: "kwh",
      offset: 7,
      length: 4,
      coding: "uint",
    },
    {
      name: "previous",
      unit: "kwh",
      offset: 3,
      length: 3,
      coding: "uint",
    },
  ],
  golden: [
    {
      hex: "36446850626262624543A1009F2777010060780000000A000000000000000000000000000000000000000000000000A0400000B4010000",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_kwh: 120,
        previous_kwh: 375,
      },
    },
    {
      hex: "37446850792055673943A2109F2F13C500608F1D00008066E8A69B26988D335F6411450C564C5145145CA0F1DA35B9DD37A1936BBF3D31D8",
      source: "corpus wmbus/wmbusmeters_wmbus.json",
      expect: {
        current_kwh: 7567,
        previous_kwh: 50451,
      },
    },
  ],
};
