/**
 * Every invalid vector of the corpus is rejected with a typed error, or reported as an application-error
 * result, and both carry the offset where decoding stopped. The expected outcome of each is written here.
 */
import { describe, expect, it } from "vitest";
import { decodeTelegramHex, MbusError } from "../../src/index";
import { invalidFixtures } from "../support/fixtures";

type Outcome =
  | { error: string; offset: number; field?: string }
  | { applicationError: number | null; offset: number }
  | { reported: "moreRecordsFollow+temporaryError"; offset: number };

const EXPECTED: Record<string, Outcome> = {
  application_busy: { applicationError: 8, offset: 7 },
  buffer_too_long: { applicationError: 2, offset: 7 },
  error: { applicationError: null, offset: 6 },
  invalid_length: { error: "BAD_LENGTH", offset: 1, field: "L" },
  invalid_length2: { error: "FIXED_DATA_LENGTH", offset: 22, field: "data" },
  // "D 04 04 68 ...": the first token is a single hex digit
  manual_frame1: { error: "BAD_HEX", offset: 1, field: "hex" },
  // SND_UD (C=0x53) frames go from master to slave: not a response
  manual_frame4: { error: "WRONG_DIRECTION", offset: 4, field: "control" },
  manual_frame5: { error: "WRONG_DIRECTION", offset: 4, field: "control" },
  manual_frame6: { error: "WRONG_DIRECTION", offset: 4, field: "control" },
  premature_end_of_data1: { error: "PREMATURE_END", offset: 32, field: "data" },
  premature_end_of_data2: { error: "PREMATURE_END", offset: 32, field: "data" },
  premature_end_of_dif1: { error: "PREMATURE_END", offset: 30, field: "dife" },
  premature_end_of_dif2: { error: "PREMATURE_END", offset: 31, field: "dife" },
  premature_end_of_record: { applicationError: 4, offset: 7 },
  premature_end_of_var_vif1: { error: "PREMATURE_END", offset: 43, field: "plainText" },
  premature_end_of_vif1: { error: "PREMATURE_END", offset: 31, field: "vif" },
  // link and application layer are well formed; what the frame reports is a temporary error in the
  // status byte (0x70, bit 4) and "more records follow" (DIF 0x1F) with 206 bytes of manufacturer data
  svm_f22_telegram2: { reported: "moreRecordsFollow+temporaryError", offset: 19 },
  too_long_var_vif: { error: "PREMATURE_END", offset: 43, field: "plainText" },
  too_many_dife: { error: "TOO_MANY_DIFE", offset: 40, field: "dife" },
  too_many_difes: { applicationError: 5, offset: 7 },
  too_many_readouts: { applicationError: 9, offset: 7 },
  too_many_records: { applicationError: 3, offset: 7 },
  too_many_vife: { error: "TOO_MANY_VIFE", offset: 42, field: "vife" },
  too_many_vifes: { applicationError: 6, offset: 7 },
  too_short_header: { error: "HEADER_TOO_SHORT", offset: 12, field: "header" },
  unimplemented_ci: { applicationError: 1, offset: 7 },
  unspecified_error: { applicationError: 0, offset: 7 },
};

describe("invalid M-Bus corpus", () => {
  const fixtures = invalidFixtures();
  it("has an expected outcome for every vector", () => {
    expect(fixtures.map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const fx of fixtures) {
    it(`${fx.name} is rejected or reported with an offset`, () => {
      const want = EXPECTED[fx.name]!;
      // strict: the first bad record fails the telegram, as before per-record degradation (the degraded
      // outcome of the same vectors is checked in degrade.test.ts)
      const r = decodeTelegramHex(fx.hex, { strict: true });
      if ("error" in want) {
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error).toBeInstanceOf(MbusError);
        expect(r.error.code).toBe(want.error);
        expect(r.error.offset).toBe(want.offset);
        if (want.field) expect(r.error.field).toBe(want.field);
        return;
      }
      if (!r.ok) throw r.error;
      const t = r.value;
      if ("applicationError" in want) {
        expect(t.type).toBe("applicationError");
        if (t.type !== "applicationError") return;
        expect(t.code).toBe(want.applicationError);
        expect(t.offset).toBe(want.offset);
        expect(t.message.length).toBeGreaterThan(0);
        return;
      }
      expect(t.type).toBe("variable");
      if (t.type !== "variable" || t.header?.kind !== "long") return;
      expect(t.header.statusFlags.temporaryError).toBe(true);
      expect(t.moreRecordsFollow).toBe(true);
      expect(t.records.at(-1)?.offset).toBe(want.offset);
      expect(t.manufacturerData?.length).toBe(206);
    });
  }
});
