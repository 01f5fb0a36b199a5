/**
 * Table-driven over every corpus fixture (Hager EHZ, Landis+Gyr E350, Elster and Siemens readouts in
 * modes C/D, from vzlogger's and smartmeter-obis' tests): each value the source project asserts must come
 * out of our decoder in the project's units. Patterns `A.B.C.D.E.F` with `*` groups pick the first data
 * set whose address matches (a group the readout omits matches only `*`).
 */
import { describe, expect, it } from "vitest";
import { decodeReadout, matchesPattern } from "../src/index";
import { fixture, fixtureBytes, fixtures } from "./support/fixtures";

describe("D0 corpus", () => {
  const all = fixtures();
  it("reads all 5 fixtures", () => {
    expect(all.length).toBe(5);
  });
  for (const f of all) {
    it(f.name, () => {
      const r = decodeReadout(fixtureBytes(f));
      expect(r.bcc).toBe(f.checks.bcc); // null: none of the source captures kept ETX/BCC
      for (const [pattern, expected] of Object.entries(f.expected)) {
        const set = r.dataSets.find((s) => s.obis !== undefined && matchesPattern(s.obis, pattern));
        expect(set, pattern).toBeDefined();
        const v = set?.values[0];
        expect(v?.number, pattern).toBe(expected);
        expect(v?.unit, pattern).toBe(f.units[pattern]);
      }
    });
  }

  it("identification of each meter as its source reports it", () => {
    const ids = Object.fromEntries(
      all.map((f) => {
        const id = decodeReadout(fixtureBytes(f)).identification;
        return [f.name, `${id.manufacturer} ${id.baudChar} ${id.baud} ${id.ident}`];
      }),
    );
    // smartmeter-obis asserts deviceManufacturer SIE and commBaudrateChangeover 2400, and ELS.
    expect(ids).toEqual({
      smartmeter_obis_serialrequestresponsed0modedack: "ELS 5 9600 V9.30 ",
      smartmeter_obis_serialrequestresponsed0withack: "SIE 3 2400 2WR5",
      vzlogger_hagerehz_basic_1: "HAG 5 9600 eHZ010C_EHZ1vA02",
      vzlogger_hagerehz_waitsync: "HAG 5 9600 eHZ010C_EHZ1vA02",
      vzlogger_lug_e350: "LGZ 4 4800 ZMF100AC.M27",
    });
  });

  it("the source's raw texts (smartmeter-obis rawValue / values) for the Siemens heat meter", () => {
    const r = decodeReadout(fixtureBytes(fixture("smartmeter_obis_serialrequestresponsed0withack")));
    const byAddress = new Map(r.dataSets.map((s) => [s.address, s]));
    expect(byAddress.get("6.8")?.values).toEqual([
      { text: "0029.055", unitWritten: "MWh", unit: "Wh", number: 29055000 },
    ]);
    expect(byAddress.get("9.20")?.values.length).toBe(1);
    expect(r.dataSets.length).toBe(50); // the source string holds 50 `(` (python: text.count("("))
  });
});
