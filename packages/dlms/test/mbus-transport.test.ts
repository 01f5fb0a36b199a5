import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checksum } from "@omdp/mbus";
import { describe, expect, it } from "vitest";
import { encodeDataNotification } from "../src/encode";
import { scanLongFrame } from "../src/mbus/long-frame";
import { encodeMbusPush, readMbusPush } from "../src/mbus/segments";
import { MbusDlmsStreamParser } from "../src/mbus/stream";
import { decodePush } from "../src/push";
import { bytes } from "./helpers";

interface TransportFixture {
  reads: string[];
  expected: {
    frames: number;
    frameLengths: number[];
    userDataLengths: number[];
    ci: number[];
    apduLength: number;
    apduTag: string;
    systemTitle: string;
    manufacturer: string;
    securityControl: number;
    frameCounter: number;
    cipheredLength: number;
  };
}

const t210d = JSON.parse(
  readFileSync(
    join(import.meta.dirname, "fixtures/transport/mbus_sagemcom_t210d_netz_noe_wrapped_l.json"),
    "utf8",
  ),
) as TransportFixture;
const reads = t210d.reads.map(bytes);
const whole = bytes(t210d.reads.join(""));
const x = t210d.expected;

describe("Sagemcom T210-D push: first frame of 257 bytes user data, L written as 0x01", () => {
  it("reads both frames by their structure (checksum and stop byte), lengths as counted by hand", () => {
    const first = scanLongFrame(whole, 0);
    expect(first.kind).toBe("frame");
    if (first.kind !== "frame") return;
    expect(first.length).toBe(x.frameLengths[0]);
    expect(first.wrappedLength).toBe(x.userDataLengths[0]);
    const second = scanLongFrame(whole, first.length);
    expect(second.kind === "frame" && second.length).toBe(x.frameLengths[1]);
    expect(second.kind === "frame" && second.wrappedLength).toBe(undefined);
    expect(
      [first.frame, second.kind === "frame" ? second.frame : undefined].map(
        (f) => f?.kind === "long" && f.ci,
      ),
    ).toEqual(x.ci);
  });

  it("joins the segments to the general-glo-ciphering APDU", () => {
    const r = readMbusPush(whole);
    expect(r.frames).toBe(x.frames);
    expect(r.apdu.length).toBe(x.apduLength);
    expect(r.apdu[0]!.toString(16)).toBe(x.apduTag);
  });

  it("decodes to the security header; without the meter's key a typed KEY_MISSING, not a frame error", () => {
    const r = decodePush(whole);
    expect(r.ok ? "ok" : r.error.code).toBe("KEY_MISSING");
    const header = readMbusPush(whole).apdu;
    expect(Buffer.from(header.subarray(2, 10)).toString("hex")).toBe(x.systemTitle);
    expect(Buffer.from(header.subarray(2, 5)).toString("latin1")).toBe(x.manufacturer);
    // 81 F8: one length byte follows, 0xF8 = 248 bytes of SC, frame counter, ciphertext
    expect(header[11]).toBe(x.cipheredLength);
    expect(header[12]).toBe(x.securityControl);
    expect(new DataView(header.buffer, header.byteOffset + 13, 4).getUint32(0)).toBe(x.frameCounter);
  });

  it("a stream reader joins it from the two reads the capture came in, and from single bytes", () => {
    const byReads = new MbusDlmsStreamParser();
    const events = reads.flatMap((c) => byReads.push(c));
    expect(events.map((e) => e.kind)).toEqual(["frame", "frame", "apdu"]);
    const apdu = events.find((e) => e.kind === "apdu");
    expect(apdu?.kind === "apdu" && apdu.apdu).toEqual(readMbusPush(whole).apdu);
    const byByte = new MbusDlmsStreamParser();
    const kinds = Array.from(whole).flatMap((b) => byByte.push(Uint8Array.of(b)).map((e) => e.kind));
    expect(kinds).toEqual(["frame", "frame", "apdu"]);
  });

  it("a damaged byte in the long frame is a typed MBUS_FRAME error with the declared L's evidence", () => {
    const bad = Uint8Array.from(whole);
    bad[100]! ^= 0x01;
    const r = decodePush(bad);
    expect(r.ok ? "ok" : r.error.code).toBe("MBUS_FRAME");
    // the checksum byte of frame 1 sits at 4 + 257 = 261; the stop byte 16 is in place, so L wrapped once
    if (!r.ok) expect([r.error.offset, r.error.field, r.error.actual]).toEqual([261, "checksum", 0xa7]);
    expect(scanLongFrame(bad, 0).kind).toBe("bad");
  });

  it("the stream reader reports the damaged frame, resyncs and still finds the next push", () => {
    const bad = Uint8Array.from(whole);
    bad[100]! ^= 0x01;
    const p = new MbusDlmsStreamParser();
    const kinds = [...p.push(bad), ...p.push(whole)].map((e) => e.kind);
    expect(kinds.filter((k) => k === "apdu")).toHaveLength(1);
    expect(kinds).toContain("error");
  });
});

/** A long frame written by hand: 68 L L 68 C A CI 01 67 segment CS 16, with L = n mod 256. */
function handFrame(ci: number, segment: Uint8Array): Uint8Array {
  const n = 3 + 2 + segment.length;
  const out = new Uint8Array(n + 6);
  out.set([0x68, n & 0xff, n & 0xff, 0x68, 0x53, 0xff, ci, 0x01, 0x67]);
  out.set(segment, 9);
  out[4 + n] = checksum(out, 4, 4 + n);
  out[5 + n] = 0x16;
  return out;
}

describe("long frames of 256 bytes and more (L = 0x00, wrapped L)", () => {
  // 40 registers of double-long-unsigned with scaler_unit: an APDU of well over 255 bytes
  const values = Array.from({ length: 40 }, (_, i) => ({
    obis: `1.0.${i + 1}.8.0.255`,
    value: 1000 * i + 7,
    scaler: 0,
    unit: 30,
    type: "double-long-unsigned" as const,
  }));
  const apdu = encodeDataNotification({ invokeId: 1, values });

  it.each([
    ["L = 0x00: exactly 256 bytes C..data", 251],
    ["L = 0x04: 260 bytes C..data", 255],
    ["L = 0xFF: 255 bytes, the largest a byte holds (not wrapped)", 250],
  ])("%s", (_name, segmentSize) => {
    const frames = [
      handFrame(0x00, apdu.subarray(0, segmentSize)),
      handFrame(0x11, apdu.subarray(segmentSize)),
    ];
    const r = decodePush(Uint8Array.from(Buffer.concat(frames)));
    if (!r.ok) throw r.error;
    expect(r.value.frames).toBe(2);
    expect(r.value.cosem.map((c) => c.value)).toEqual(values.map((v) => v.value));
  });
});

describe("CI segmentation variants (0x10 alone; 0x00 + 0x11; 0x00, 0x01 ... 0x1n)", () => {
  const apdu = encodeDataNotification({
    invokeId: 7,
    values: [{ obis: "1.0.1.8.0.255", value: 12937, scaler: 0, unit: 30, type: "double-long-unsigned" }],
  });
  it.each([
    [1, [0x10]],
    [2, [0x00, 0x11]],
    [3, [0x00, 0x01, 0x12]],
  ])("%i frame(s), CI %j", (count, cis) => {
    const size = Math.ceil(apdu.length / count);
    const frames = encodeMbusPush(apdu, { maxSegment: size });
    expect(frames.map((f) => f[6])).toEqual(cis);
    const r = decodePush(Uint8Array.from(Buffer.concat(frames)));
    if (!r.ok) throw r.error;
    expect(r.value.frames).toBe(count);
    expect(r.value.cosem[0]?.value).toBe(12937);
  });
});
