import { decodeFrame } from "@omdp/mbus";
import { describe, expect, it } from "vitest";
import { DlmsError } from "../src/errors";
import { crc16x25 } from "../src/hdlc/crc16";
import { decodeHdlcFrame, encodeHdlcFrame } from "../src/hdlc/frame";
import { HdlcStreamParser } from "../src/hdlc/stream";
import { encodeMbusPush, MbusDlmsAssembler } from "../src/mbus/segments";
import { decodePush } from "../src/push";
import { detectTransport } from "../src/transport";
import { bytes, loadFixtures } from "./helpers";

const fixtures = loadFixtures();
const hdlc = fixtures.filter((f) => f.transport === "hdlc");

describe("HDLC frames (IEC 62056-46)", () => {
  it("CRC-16/X.25 check value", () => {
    expect(crc16x25(new TextEncoder().encode("123456789"))).toBe(0x906e);
  });

  it("a bad FCS and a bad HCS are typed errors with expected vs computed", () => {
    const b = bytes(hdlc[0]!.hex);
    const fcs = Uint8Array.from(b);
    fcs[fcs.length - 2]! ^= 0xff;
    const r = decodeHdlcFrame(fcs);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe("HDLC_FCS");
      expect(r.error.offset).toBe(b.length - 3);
      expect(r.error.expected).not.toBe(r.error.actual);
    }
    const hcs = Uint8Array.from(b);
    hcs[8]! ^= 0x01;
    const frame = decodeHdlcFrame(hcs);
    expect(frame.ok ? "ok" : frame.error.code).toMatch(/HDLC_(HCS|FCS)/);
  });

  it("a frame without information has no HCS", () => {
    const f = encodeHdlcFrame(new Uint8Array(0), { control: 0x93 });
    expect(f).toHaveLength(9);
    const r = decodeHdlcFrame(f);
    if (!r.ok) throw r.error;
    expect(r.value.frame.info).toHaveLength(0);
    expect(r.value.frame.control).toBe(0x93);
  });

  it("two-byte and four-byte addresses", () => {
    for (const [d, s] of [
      [0x3fff, 0x10],
      [0x12345, 0x7f],
    ] as const) {
      const r = decodeHdlcFrame(encodeHdlcFrame(Uint8Array.of(1, 2, 3), { destination: d, source: s }));
      if (!r.ok) throw r.error;
      expect([r.value.frame.destination, r.value.frame.source]).toEqual([d, s]);
    }
  });

  it("wrong format type and length are typed errors", () => {
    expect(decodeHdlcFrame(bytes("7E B0 07 03 03 13 00 00 7E")).ok).toBe(false);
    const r = decodeHdlcFrame(bytes("7E A0 40 03 03 13 00 00 7E"));
    expect(r.ok ? "ok" : r.error.code).toBe("HDLC_LENGTH");
  });
});

describe("HdlcStreamParser", () => {
  const all = hdlc.map((f) => bytes(f.hex));

  it("finds every APDU when fed one byte at a time with garbage between", () => {
    const p = new HdlcStreamParser();
    const apdus: Uint8Array[] = [];
    for (const b of all) {
      for (const chunk of [Uint8Array.of(0x00, 0x7e, 0x13, 0x55), b]) {
        for (const x of chunk)
          for (const e of p.push(Uint8Array.of(x))) if (e.kind === "apdu") apdus.push(e.apdu);
      }
    }
    expect(apdus).toHaveLength(all.length);
    expect(apdus.map((a) => a[0])).toEqual([0x0f, 0xdb, 0x0f]);
    expect(p.bytesSkipped).toBeGreaterThan(0);
  });

  it("reports a corrupted frame as a typed error and resyncs for the next", () => {
    const p = new HdlcStreamParser();
    const bad = Uint8Array.from(all[0]!);
    bad[40]! ^= 0x10;
    const ev = [...p.push(bad), ...p.push(all[2]!)];
    expect(
      ev.filter((e) => e.kind === "error").map((e) => (e.kind === "error" ? e.error.code : "")),
    ).toContain("HDLC_FCS");
    expect(ev.filter((e) => e.kind === "apdu")).toHaveLength(1);
  });

  it("segmented frames sharing their flags (closing flag = next opening flag)", async () => {
    const { encodeHdlcPush } = await import("../src/encode");
    const apdu = bytes(fixtures.find((f) => f.name === "raw_salzburg_netz")!.hex);
    const frames = encodeHdlcPush(apdu, { maxInfo: 50 });
    const shared = Uint8Array.from(Buffer.concat(frames.map((f, i) => (i === 0 ? f : f.subarray(1)))));
    const p = new HdlcStreamParser();
    const ev = p.push(shared);
    const got = ev.filter((e) => e.kind === "apdu");
    expect(got).toHaveLength(1);
    expect(got[0]!.kind === "apdu" && Buffer.from(got[0]!.apdu).equals(Buffer.from(apdu))).toBe(true);
    expect(ev.filter((e) => e.kind === "frame")).toHaveLength(frames.length);
    const r = decodePush(shared);
    if (!r.ok) throw r.error;
    expect(r.value.frames).toBe(frames.length);
  });

  it("keeps memory bounded on endless garbage", () => {
    const p = new HdlcStreamParser();
    const junk = new Uint8Array(10_000).fill(0x7e);
    junk[1] = 0xa7; // claims a 2 KB frame that never completes
    junk[2] = 0xff;
    for (let i = 0; i < 5; i++) p.push(junk);
    expect(p.framesOk).toBe(0);
  });
});

describe("M-Bus transport (segments over @omdp/mbus long frames)", () => {
  const noe = fixtures.find((f) => f.name === "mbus_netz_noe_p1")!;
  const b = bytes(noe.hex);
  const frames = [decodeFrame(b, 0), decodeFrame(b, 256)].map((r) => {
    if (!r.ok) throw r.error;
    return r.value.frame;
  });

  it("joins two segments, dropping STSAP/DTSAP", () => {
    const asm = new MbusDlmsAssembler();
    expect(asm.push(frames[0]!)).toBeUndefined();
    const apdu = asm.push(frames[1]!);
    expect(apdu).toBeInstanceOf(Uint8Array);
    expect((apdu as Uint8Array)[0]).toBe(0xdb);
    expect((apdu as Uint8Array).length).toBe(245 + 15);
    expect(asm.lastFrames).toBe(2);
  });

  it("a segment out of order or a non-DLMS frame is a returned typed error", () => {
    const asm = new MbusDlmsAssembler();
    const e = asm.push(frames[1]!);
    expect(e).toBeInstanceOf(DlmsError);
    expect((e as DlmsError).code).toBe("MBUS_SEGMENT");
    const plain = { kind: "long" as const, control: 0x08, address: 1, ci: 0x72, data: new Uint8Array(12) };
    expect((asm.push(plain) as DlmsError).code).toBe("MBUS_NOT_DLMS");
    // a new segment 0 starts over
    expect(asm.push(frames[0]!)).toBeUndefined();
    expect(asm.push(frames[1]!)).toBeInstanceOf(Uint8Array);
  });

  it("encodeMbusPush numbers segments 0x00, 0x01 ... and marks the last with 0x10", () => {
    const fr = encodeMbusPush(new Uint8Array(600).fill(0x0f), { maxSegment: 250 });
    expect(fr.map((f) => f[6])).toEqual([0x00, 0x01, 0x12]);
    expect(fr.map((f) => [f[4], f[5], f[7], f[8]])).toEqual(Array(3).fill([0x53, 0xff, 0x01, 0x67]));
  });

  it("an M-Bus checksum error surfaces as a typed MBUS_FRAME error", () => {
    const bad = Uint8Array.from(b);
    bad[100]! ^= 1;
    const r = decodePush(bad, { key: bytes(noe.key!) });
    expect(r.ok ? "ok" : r.error.code).toBe("MBUS_FRAME");
    if (!r.ok) expect(r.error.offset).toBe(254);
  });
});

describe("transport detection by structure", () => {
  it("picks mbus / hdlc / raw from the first bytes", () => {
    expect(fixtures.map((f) => detectTransport(bytes(f.hex)))).toEqual(fixtures.map((f) => f.transport));
    expect(detectTransport(bytes("68 1F 1F 68 08 01 72"))).toBeUndefined();
    expect(detectTransport(bytes("E5"))).toBeUndefined();
  });

  it("an unknown start is TRANSPORT_UNKNOWN, empty input EMPTY_INPUT", () => {
    const r = decodePush(bytes("AA BB"));
    expect(r.ok ? "ok" : r.error.code).toBe("TRANSPORT_UNKNOWN");
    const e = decodePush(new Uint8Array(0));
    expect(e.ok ? "ok" : e.error.code).toBe("EMPTY_INPUT");
  });
});

describe("stream readers hand joined APDUs to decodePushApdu", () => {
  it("M-Bus frames from @omdp/mbus FrameParser -> MbusDlmsAssembler -> decodePushApdu", async () => {
    const { FrameParser } = await import("@omdp/mbus");
    const { decodePushApdu } = await import("../src/push");
    const noe = fixtures.find((f) => f.name === "mbus_netz_noe_p1")!;
    const parser = new FrameParser();
    const asm = new MbusDlmsAssembler();
    const out: Uint8Array[] = [];
    const b = bytes(noe.hex);
    for (let i = 0; i < b.length; i += 7) {
      for (const e of parser.push(b.subarray(i, i + 7))) {
        if (e.type !== "frame") continue;
        const r = asm.push(e.frame);
        if (r instanceof Uint8Array) out.push(r);
      }
    }
    expect(out).toHaveLength(1);
    const t = decodePushApdu(
      out[0]!,
      { transport: "mbus", frames: asm.lastFrames },
      { key: bytes(noe.key!) },
    );
    if (!t.ok) throw t.error;
    expect(t.value.frames).toBe(2);
    expect(t.value.cosem.find((c) => c.obis === "1.0.1.8.0.255")?.value).toBe(12937);
  });
});

describe("general-block-transfer order", () => {
  it("blocks out of order are a typed GBT_BLOCK error, in one buffer and in a stream", () => {
    const e450 = bytes(fixtures.find((f) => f.name === "hdlc_landis_gyr_e450")!.hex);
    const frames: Uint8Array[] = [];
    let p = 0;
    while (p < e450.length) {
      const r = decodeHdlcFrame(e450, p);
      if (!r.ok) throw r.error;
      frames.push(e450.subarray(p, r.value.next + 1));
      p = r.value.next + 1;
    }
    expect(frames).toHaveLength(3);
    const swapped = Uint8Array.from(Buffer.concat([frames[0]!, frames[2]!, frames[1]!]));
    const r = decodePush(swapped, {
      key: bytes(fixtures.find((f) => f.name === "hdlc_landis_gyr_e450")!.key!),
    });
    expect(r.ok ? "ok" : r.error.code).toBe("GBT_BLOCK");
    if (!r.ok) expect([r.error.expected, r.error.actual]).toEqual([2, 3]);
    const s = new HdlcStreamParser();
    const ev = s.push(swapped);
    expect(ev.some((e) => e.kind === "error" && e.error.code === "GBT_BLOCK")).toBe(true);
    expect(ev.some((e) => e.kind === "apdu")).toBe(false);
    // the stream recovers with the next complete transfer
    expect(s.push(e450).filter((e) => e.kind === "apdu")).toHaveLength(1);
  });
});
