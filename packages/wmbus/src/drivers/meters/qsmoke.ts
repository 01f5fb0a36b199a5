// wmbusmeters driver "qsmoke" (smoke detector, manufacturer QDS): wireless driver data
// (../types.ts), derived by scripts/derive-drivers.ts from the corpus; test/drivers/corpus.test.ts checks it.
import { bytes, rec, sel } from "../fieldsets/records";
import { CORPUS_FILE, CORPUS_SOURCE } from "../fieldsets/source";
import type { WirelessDriver } from "../types";

export const wm_qsmoke: WirelessDriver = {
  name: "qsmoke",
  meter: "QDS smoke detector",
  source: CORPUS_SOURCE,
  match: { manufacturer: "QDS", version: [33], medium: [0x1a] },
  fields: [
    rec("alarm", "counter", "errorFlags", ["fd", 0x17]),
    rec("test_button", "counter", "errorFlags", ["fd", 0x17]),
    rec("some_sort_of_duration", "h", "durationSinceReadout", ["fd", 0x2c], { vife: [0x7e] }),
  ],
  payload: [bytes("transmission", "counter", 0, 1, "uint", undefined, sel("accessNumber", ["fd", 0x08]))],
  golden: [
    {
      hex: "3E44934486707945211A7801FD08F081027C034955230082026CFFFF81037C034C41230082036CFFFF03FD17000000326CFFFF046D0F0ABC2B02FDAC7E1100",
      source: CORPUS_FILE,
      expect: {
        alarm_counter: 0,
        test_button_counter: 0,
        transmission_counter: 240,
        some_sort_of_duration_h: 0.004722,
      },
    },
  ],
};
