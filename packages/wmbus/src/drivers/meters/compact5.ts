// wmbusmeters driver "compact5" (heat, manufacturer TCH): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_compact5: WirelessDriver = {
  name: "compact5",
  meter: "TCH heat",
  source: CORPUS_SOURCE,
  match: { manufacturer: "TCH", version: [69, 57], medium: [0x43] },
  fields: [],
  payload: [bytes("current", "kwh", 7, 4, "uint"), bytes("previous", "kwh", 3, 3, "uint")],
  sums: [{ name: "total", unit: "kwh", of: ["current_kwh", "previous_kwh"] }],
  golden: [
    {
      hex: "36446850626262624543A1009F2777010060780000000A000000000000000000000000000000000000000000000000A0400000B4010000",
      source: CORPUS_FILE,
      expect: { current_kwh: 120, previous_kwh: 375, total_kwh: 495 },
    },
    {
      hex: "37446850792055673943A2109F2F13C500608F1D00008066E8A69B26988D335F6411450C564C5145145CA0F1DA35B9DD37A1936BBF3D31D8",
      source: CORPUS_FILE,
      expect: { current_kwh: 7567, previous_kwh: 50451, total_kwh: 58018 },
    },
  ],
};
