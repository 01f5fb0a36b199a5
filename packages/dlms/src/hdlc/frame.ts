import { DlmsError, type DlmsResult, fail, ok } from "../errors";
import { crc16x25 } from "./crc16";

/**
 * An HDLC frame of IEC 62056-46 (clause 6.4): 7E | format (type 0xA, S bit, 11-bit length) | destination
 * address | source address | control | HCS | information | FCS | 7E. The length counts every byte between
 * the flags. HCS (over format..control) is present only when there is an information field (6.4.5).
 */
export interface HdlcFrame {
  /** Segmentation bit S: more segments of this information follow (6.4.4.1). */
  readonly segmented: boolean;
  readonly destination: number;
  readonly source: number;
  readonly control: number;
  readonly info: Uint8Array;
  /** Offset of the opening flag in the decoded buffer. */
  readonly offset: number;
}

export interface HdlcDecoded {
  readonly frame: HdlcFrame;
  /** Offset of the closing flag (it may open the next frame, 6.4.2). */
  readonly next: number;
}

export const HDLC_FLAG = 0x7e;
/** Frame format type 3 (binary 1010) in the top nibble (6.4.4.1). */
export const HDLC_FORMAT_TYPE = 0xa;

/** Is this a complete frame's worth of bytes yet? Returns the total size including both flags, or 0. */
export function hdlcFrameSize(bytes: Uint8Array, offset: number): number {
  if (offset + 3 > bytes.length) return 0;
  return (((bytes[offset + 1]! & 0x07) << 8) | bytes[offset + 2]!) + 2;
}

function readAddress(
  bytes: Uint8Array,
  p: number,
  end: number,
  field: string,
): { value: number; next: number } {
  let value = 0;
  // 6.4.3: 1, 2 or 4 bytes; the least significant bit marks the last byte.
  for (let i = 0; i < 4; i++) {
    if (p + i >= end) break;
    const b = bytes[p + i]!;
    value = value * 128 + (b >> 1);
    if (b & 1) {
      if (i === 2) break;
      return { value, next: p + i + 1 };
    }
  }
  throw new DlmsError("HDLC_ADDRESS", "hdlc", `${field} address is not 1, 2 or 4 bytes`, {
    offset: p,
    field: `${field} address`,
  });
}

/** Decodes the frame whose opening flag is at `offset`. */
export function decodeHdlcFrame(bytes: Uint8Array, offset = 0): DlmsResult<HdlcDecoded> {
  try {
    return ok(readHdlcFrame(bytes, offset));
  } catch (e) {
    if (e instanceof DlmsError) return fail(e);
    throw e;
  }
}

export function readHdlcFrame(bytes: Uint8Array, offset: number): HdlcDecoded {
  if (bytes[offset] !== HDLC_FLAG) {
    throw new DlmsError("HDLC_FLAG", "hdlc", "frame does not start with the flag 7E", {
      offset,
      field: "opening flag",
      expected: HDLC_FLAG,
      actual: bytes[offset] ?? "end",
    });
  }
  if (offset + 3 > bytes.length) {
    throw new DlmsError("HDLC_LENGTH", "hdlc", "frame format field cut off", {
      offset,
      field: "frame format",
      expected: 2,
      actual: Math.max(0, bytes.length - offset - 1),
    });
  }
  const f0 = bytes[offset + 1]!;
  if (f0 >> 4 !== HDLC_FORMAT_TYPE) {
    throw new DlmsError("HDLC_FORMAT", "hdlc", `frame format type ${f0 >> 4} is not 0xA`, {
      offset: offset + 1,
      field: "frame format type",
      expected: HDLC_FORMAT_TYPE,
      actual: f0 >> 4,
    });
  }
  const length = ((f0 & 0x07) << 8) | bytes[offset + 2]!;
  const close = offset + 1 + length;
  // Smallest frame: format(2) + dest(1) + src(1) + control(1) + FCS(2).
  if (length < 7 || close >= bytes.length) {
    throw new DlmsError("HDLC_LENGTH", "hdlc", `frame length ${length} does not fit the data`, {
      offset: offset + 1,
      field: "frame length",
      expected: `7..${Math.max(7, bytes.length - offset - 2)}`,
      actual: length,
    });
  }
  if (bytes[close] !== HDLC_FLAG) {
    throw new DlmsError("HDLC_FLAG", "hdlc", "no closing flag where the length says the frame ends", {
      offset: close,
      field: "closing flag",
      expected: HDLC_FLAG,
      actual: bytes[close]!,
    });
  }
  const start = offset + 1;
  const fcsAt = close - 2;
  const dest = readAddress(bytes, start + 2, fcsAt, "destination");
  const src = readAddress(bytes, dest.next, fcsAt, "source");
  const controlAt = src.next;
  if (controlAt >= fcsAt) {
    throw new DlmsError("HDLC_LENGTH", "hdlc", "no room for the control field", {
      offset: controlAt,
      field: "control",
    });
  }
  const control = bytes[controlAt]!;
  const fcs = bytes[fcsAt]! | (bytes[fcsAt + 1]! << 8);
  const fcsCalc = crc16x25(bytes, start, fcsAt);
  if (fcs !== fcsCalc) {
    throw new DlmsError("HDLC_FCS", "hdlc", "frame check sequence mismatch", {
      offset: fcsAt,
      field: "FCS",
      expected: fcsCalc,
      actual: fcs,
    });
  }
  let info = bytes.subarray(controlAt + 1, controlAt + 1);
  if (controlAt + 1 < fcsAt) {
    const hcsAt = controlAt + 1;
    if (hcsAt + 2 > fcsAt) {
      throw new DlmsError("HDLC_LENGTH", "hdlc", "header check sequence cut off", {
        offset: hcsAt,
        field: "HCS",
      });
    }
    const hcs = bytes[hcsAt]! | (bytes[hcsAt + 1]! << 8);
    const hcsCalc = crc16x25(bytes, start, hcsAt);
    if (hcs !== hcsCalc) {
      throw new DlmsError("HDLC_HCS", "hdlc", "header check sequence mismatch", {
        offset: hcsAt,
        field: "HCS",
        expected: hcsCalc,
        actual: hcs,
      });
    }
    info = bytes.subarray(hcsAt + 2, fcsAt);
  }
  return {
    frame: {
      segmented: (f0 & 0x08) !== 0,
      destination: dest.value,
      source: src.value,
      control,
      info,
      offset,
    },
    next: close,
  };
}

export interface HdlcEncodeOptions {
  readonly destination?: number;
  readonly source?: number;
  /** Control byte; default 0x13 (UI frame, final bit), as push meters send. */
  readonly control?: number;
  readonly segmented?: boolean;
}

function encodeAddress(value: number): number[] {
  if (value < 0x80) return [((value << 1) | 1) & 0xff];
  if (value < 0x4000) return [(value >> 7) << 1, ((value & 0x7f) << 1) | 1];
  return [
    ((value >> 21) & 0x7f) << 1,
    ((value >> 14) & 0x7f) << 1,
    ((value >> 7) & 0x7f) << 1,
    ((value & 0x7f) << 1) | 1,
  ];
}

/** Builds one frame with flags, HCS and FCS. */
export function encodeHdlcFrame(info: Uint8Array, opts: HdlcEncodeOptions = {}): Uint8Array {
  const header = [
    ...encodeAddress(opts.destination ?? 0x7f),
    ...encodeAddress(opts.source ?? 0x01),
    opts.control ?? 0x13,
  ];
  const hasInfo = info.length > 0;
  const length = 2 + header.length + (hasInfo ? 2 : 0) + info.length + 2;
  if (length > 0x7ff) throw new RangeError(`HDLC frame of ${length} bytes exceeds the 11-bit length`);
  const out = new Uint8Array(length + 2);
  out[0] = HDLC_FLAG;
  out[1] = (HDLC_FORMAT_TYPE << 4) | (opts.segmented ? 0x08 : 0) | (length >> 8);
  out[2] = length & 0xff;
  out.set(header, 3);
  let p = 3 + header.length;
  if (hasInfo) {
    const hcs = crc16x25(out, 1, p);
    out[p++] = hcs & 0xff;
    out[p++] = hcs >> 8;
    out.set(info, p);
    p += info.length;
  }
  const fcs = crc16x25(out, 1, p);
  out[p++] = fcs & 0xff;
  out[p++] = fcs >> 8;
  out[p] = HDLC_FLAG;
  return out;
}
