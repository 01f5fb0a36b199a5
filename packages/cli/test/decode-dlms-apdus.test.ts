/**
 * `omdp decode` on DLMS APDUs other than pushes (Green Book 9.5, written by hand; see
 * packages/dlms/test/apdu.test.ts): readouts and events name their service, association and
 * exception APDUs are typed errors that say what they are.
 */
import { describe, expect, it } from "vitest";
import { omdpDecode as omdp } from "./support/decode";

describe("omdp decode: DLMS APDUs besides data-notification", () => {
  it("a get-response-normal carrying {1.0.1.8.0.255, 12937}", () => {
    const r = omdp(["C4 01 81 00 02 02 09 06 0100010800FF 06 00003289"]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.meter.service).toBe("get-response-normal");
    expect(doc.cosem.map((c: { obis: string; value: number }) => [c.obis, c.value])).toEqual([
      ["1.0.1.8.0.255", 12937],
    ]);
  });

  it("an event-notification names its attribute", () => {
    const r = omdp(["C2 00 0001 00 00 60 0B 00 FF 02 12 0005"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).meter.attribute).toEqual({
      classId: 1,
      obis: "0.0.96.11.0.255",
      attributeId: 2,
    });
  });

  it("an exception-response is a typed error saying so", () => {
    const e = omdp(["D8 02 02"]);
    expect(e.status).toBe(1);
    expect(e.stdout).toBe("");
    expect(e.stderr).toMatch(/APDU_NOT_DATA.*exception-response/);
  });
});
