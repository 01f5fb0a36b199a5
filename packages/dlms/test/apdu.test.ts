import { describe, expect, it } from "vitest";
import { decodeApdu } from "../src/apdu/apdu";
import { decipher, encryptGloCiphering } from "../src/apdu/ciphering";
import { readServiceCiphered } from "../src/apdu/service-ciphering";
import { APDU_TABLE, apduTag } from "../src/apdu/tags";
import { decodePush } from "../src/push";
import { bytes } from "./helpers";

/**
 * APDUs written by hand from the ASN.1 of the Green Book (DLMS UA 1000-2, 9.5 COSEM APDUs), A-XDR
 * encoded: CHOICE = one tag byte, SEQUENCE = its fields in order, OPTIONAL = presence byte.
 */
const ok = (hex: string, opts: Parameters<typeof decodeApdu>[1] = {}) => {
  const r = decodeApdu(bytes(hex), opts);
  if (!r.ok) throw r.error;
  return r.value;
};
const err = (hex: string, opts: Parameters<typeof decodeApdu>[1] = {}) => {
  const r = decodeApdu(bytes(hex), opts);
  return r.ok ? undefined : r.error;
};

describe("APDU tag table", () => {
  it("each tag once, and the Green Book numbers of the services decoded here", () => {
    const tags = APDU_TABLE.map((a) => a.tag);
    expect(new Set(tags).size).toBe(tags.length);
    const named = (n: string) => APDU_TABLE.find((a) => a.name === n)?.tag;
    expect(
      [
        "data-notification",
        "event-notification",
        "get-response",
        "glo-get-response",
        "ded-get-response",
        "glo-event-notification",
        "ded-event-notification",
        "exception-response",
        "AARQ",
        "AARE",
        "general-glo-ciphering",
        "general-ded-ciphering",
        "general-ciphering",
        "general-block-transfer",
      ].map(named),
    ).toEqual([15, 194, 196, 204, 212, 202, 210, 216, 96, 97, 219, 220, 221, 224]);
  });
});

describe("get-response [196]", () => {
  it("normal: C4 01, invoke-id-and-priority C1, data [0] double-long-unsigned 12937", () => {
    const d = ok("C4 01 C1 00 06 00 00 32 89");
    expect(d.service).toBe("get-response-normal");
    expect(d.notification.invokeId).toBe(0xc1);
    expect(d.notification.body).toMatchObject({ kind: "uint", value: 12937 });
  });

  it("normal with data-access-result [1] object-undefined (4): a typed error, not data", () => {
    const e = err("C4 01 C1 01 04");
    expect([e?.code, e?.actual, e?.offset]).toEqual(["DATA_ACCESS_RESULT", "object-undefined", 4]);
  });

  it("with-list: C4 03, 2 results: data long-unsigned 230, then read-write-denied (3)", () => {
    const d = ok("C4 03 C1 02 00 12 00 E6 01 03");
    expect(d.service).toBe("get-response-with-list");
    expect(d.notification.body).toMatchObject({ kind: "array", items: [{ value: 230 }, { kind: "null" }] });
    expect(d.accessResults).toEqual([{ index: 1, code: 3, name: "read-write-denied" }]);
  });

  it("with-datablock: two blocks whose raw-data join to array {5, 6}", () => {
    // block 1: last-block FALSE, number 1, raw-data [0] of 3 bytes "01 02 11"; block 2: last, "05 11 06"
    const d = ok("C4 02 C1 00 00000001 00 03 010211" + "C4 02 C1 FF 00000002 00 03 051106");
    expect(d.service).toBe("get-response-with-datablock");
    expect(d.blocks).toBe(2);
    expect(d.notification.body).toMatchObject({ kind: "array", items: [{ value: 5 }, { value: 6 }] });
  });

  it("with-datablock out of order, or without its last block: typed GET_BLOCK errors", () => {
    expect(err("C4 02 C1 FF 00000002 00 03 051106")?.code).toBe("GET_BLOCK");
    expect(err("C4 02 C1 00 00000001 00 03 010211")?.code).toBe("GET_BLOCK");
  });

  it("decodePush reports the service and labels a get-response list of {LN, value} pairs", () => {
    // get-response-normal carrying structure { 09 06 1.0.1.8.0.255, double-long-unsigned 12937 }
    const r = decodePush(bytes("C4 01 81 00 02 02 09 06 0100010800FF 06 00003289"));
    if (!r.ok) throw r.error;
    expect(r.value.service).toBe("get-response-normal");
    expect(r.value.cosem.map((c) => [c.obis, c.value])).toEqual([["1.0.1.8.0.255", 12937]]);
  });
});

describe("event-notification-request [194]", () => {
  // time absent (00); class-id 1 (Data); instance 0.0.96.11.0.255 (event code); attribute 2; long-unsigned 5
  const hex = "C2 00 0001 00 00 60 0B 00 FF 02 12 0005";

  it("reads the attribute descriptor and labels the value with the instance's logical name", () => {
    const r = decodePush(bytes(hex));
    if (!r.ok) throw r.error;
    expect(r.value.service).toBe("event-notification");
    expect(r.value.attribute).toEqual({ classId: 1, obis: "0.0.96.11.0.255", attributeId: 2 });
    expect(r.value.cosem.map((c) => [c.obis, c.value])).toEqual([["0.0.96.11.0.255", 5]]);
  });

  it("with its time: 2021-09-27 09:47:15, deviation -120 (UTC+2), DST", () => {
    const d = ok("C2 01 0C 07E5091B01092F0F00FF8880 0001 00 00 60 0B 00 FF 02 12 0005");
    expect(d.notification.dateTime?.text).toBe("2021-09-27T09:47:15+02:00");
  });

  it("a bad presence flag or a cut-off descriptor is a typed error", () => {
    expect(err("C2 05 0001")?.code).toBe("APDU_LENGTH");
    expect(err("C2 00 0001 00 00 60")?.code).toBe("APDU_TRUNCATED");
  });
});

describe("ciphered forms", () => {
  const key = bytes("000102030405060708090A0B0C0D0E0F");
  const authKey = bytes("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF");
  const systemTitle = bytes("4D4D4D0000BC614E");

  it("Green Book example: glo-initiate-request, SC 0x30, IC 01234567, deciphers and its tag verifies", () => {
    // DLMS UA 1000-2 (Green Book) Ed. 8, 9.2.7.2.4 example of authenticated encryption of an xDLMS
    // InitiateRequest (as reproduced in the dlms-cosem and gurux test suites): keys and system title
    // above, ciphered APDU and plaintext as printed there.
    const apdu = bytes(
      "21 30 30 01234567 801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855",
    );
    const c = readServiceCiphered(apdu, apduTag(0x21)!, systemTitle);
    const d = decipher(c, { key, authKey });
    expect(d.tagVerified).toBe(true);
    expect(Buffer.from(d.plaintext).toString("hex")).toBe(
      "01011000112233445566778899aabbccddeeff0000065f1f0400007e1f04b0",
    );
    // as an APDU it is an association request, reported as such
    expect(err(Buffer.from(apdu).toString("hex"), { key, authKey, systemTitle })?.code).toBe("APDU_NOT_DATA");
  });

  /** The service-specific form of a general-glo-ciphering APDU: tag, then the ciphered content. */
  function serviceForm(tag: number, plaintext: Uint8Array, sc: number): Uint8Array {
    const general = encryptGloCiphering({
      plaintext,
      key,
      authKey,
      systemTitle,
      frameCounter: 0x01234567,
      securityControl: sc,
    });
    const content = general.subarray(general[10] === 0x81 ? 12 : 11);
    return Uint8Array.from([
      tag,
      ...(content.length < 0x80 ? [content.length] : [0x81, content.length]),
      ...content,
    ]);
  }

  it("glo-get-response (0xCC) and ded-get-response (0xD4) decipher to the get-response inside", () => {
    const plain = bytes("C4 01 C1 00 06 00 00 32 89");
    for (const tag of [0xcc, 0xd4]) {
      const r = decodeApdu(serviceForm(tag, plain, 0x30), { key, authKey, systemTitle });
      if (!r.ok) throw r.error;
      expect(r.value.service).toBe("get-response-normal");
      expect(r.value.notification.body).toMatchObject({ value: 12937 });
      expect(r.value.security).toMatchObject({
        apdu: apduTag(tag)!.name,
        tagVerified: true,
        frameCounter: 0x01234567,
      });
    }
  });

  it("glo-event-notification (0xCA) deciphers to the event-notification", () => {
    const r = decodeApdu(serviceForm(0xca, bytes("C2 00 0001 00 00 60 0B 00 FF 02 12 0005"), 0x30), {
      key,
      authKey,
      systemTitle,
    });
    if (!r.ok) throw r.error;
    expect([r.value.service, r.value.attribute?.obis]).toEqual(["event-notification", "0.0.96.11.0.255"]);
  });

  it("without the meter's system title: SYSTEM_TITLE_MISSING; a glo-get-response carrying something else: APDU_UNKNOWN", () => {
    const apdu = serviceForm(0xcc, bytes("C4 01 C1 00 06 00 00 32 89"), 0x30);
    const r = decodeApdu(apdu, { key, authKey });
    expect(r.ok ? "ok" : r.error.code).toBe("SYSTEM_TITLE_MISSING");
    const wrong = decodeApdu(serviceForm(0xcc, bytes("0F 00000001 00 11 05"), 0x30), {
      key,
      authKey,
      systemTitle,
    });
    expect(wrong.ok ? "ok" : wrong.error.code).toBe("APDU_UNKNOWN");
  });

  it("general-ded-ciphering (0xDC) carries a get-response as well as a data-notification", () => {
    const general = encryptGloCiphering({
      plaintext: bytes("C4 01 C1 00 06 00 00 32 89"),
      key,
      authKey,
      systemTitle,
      frameCounter: 1,
      securityControl: 0x30,
    });
    const ded = Uint8Array.from(general);
    ded[0] = 0xdc;
    const r = decodeApdu(ded, { key, authKey });
    if (!r.ok) throw r.error;
    expect([r.value.service, r.value.security?.apdu]).toEqual([
      "get-response-normal",
      "general-ded-ciphering",
    ]);
  });
});

describe("APDUs that carry no meter data are recognised and reported, never read as data", () => {
  it.each([
    // exception-response: state-error service-unknown (2), service-error service-not-supported (2)
    ["D8 02 02", "exception-response", /state-error service-unknown, service-error service-not-supported/],
    // invocation-counter-error (6) with the counter the meter expects
    ["D8 01 06 00000010", "exception-response", /invocation-counter-error 16/],
    // AARE: application-context LN (…08 01 01), result [A2] 0 accepted, diagnostic [A3] 0
    [
      "61 1D A1 09 06 07 60 85 74 05 08 01 01 A2 03 02 01 00 A3 05 A1 03 02 01 00 BE 04 04 02 0E 00",
      "AARE",
      /association accepted, logical-name, diagnostic 0/,
    ],
    // AARE rejected-permanent (1), diagnostic 13 (authentication-failure)
    [
      "61 17 A1 09 06 07 60 85 74 05 08 01 03 A2 03 02 01 01 A3 05 A1 03 02 01 0D",
      "AARE",
      /association rejected-permanent, logical-name-with-ciphering, diagnostic 13/,
    ],
    ["60 0B A1 09 06 07 60 85 74 05 08 01 01", "AARQ", /association request, logical-name/],
    ["62 00", "RLRQ", /association APDU/],
    ["C0 01 C1 0003 0100010800FF 02 00", "get-request", /request APDU/],
    ["C5 01 C1 00", "set-response", /response APDU/],
  ])("%s -> %s", (hex, name, says) => {
    const e = err(hex);
    expect([e?.code, e?.actual]).toEqual(["APDU_NOT_DATA", name]);
    expect(e?.message).toMatch(says);
  });

  it("decodePush in auto mode takes them for bare APDUs and says what they are", () => {
    const r = decodePush(bytes("D8 02 02"));
    expect(r.ok ? "ok" : [r.error.code, r.error.actual]).toEqual(["APDU_NOT_DATA", "exception-response"]);
  });

  it("an unknown tag stays APDU_UNKNOWN", () => {
    expect(err("7F 00")?.code).toBe("APDU_UNKNOWN");
  });
});
