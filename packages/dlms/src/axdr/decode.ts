import { DlmsError, type DlmsResult, fail, ok } from "../errors";
import { readLength } from "./length";
import { type DataType, dataType } from "./types";
import type { AxdrValue } from "./value";

/** Nesting deeper than this is rejected (no real push list comes close; it bounds recursion). */
export const MAX_DEPTH = 32;

export interface AxdrDecoded {
  readonly value: AxdrValue;
  /** Offset just after the value. */
  readonly next: number;
}

/** Decodes one tagged `Data` value at `offset` (Green Book 9.5, A-XDR encoding of Data). */
export function decodeData(bytes: Uint8Array, offset = 0): DlmsResult<AxdrDecoded> {
  try {
    return ok(readData(bytes, offset, 0));
  } catch (e) {
    if (e instanceof DlmsError) return fail(e);
    throw e;
  }
}

function truncated(field: string, offset: number, need: number, have: number): DlmsError {
  return new DlmsError("AXDR_TRUNCATED", "axdr", `${field}: needs ${need} bytes, ${have} left`, {
    offset,
    field,
    expected: need,
    actual: have,
  });
}

/** Reads one tagged value; throws DlmsError (caught at the public boundary). */
export function readData(bytes: Uint8Array, offset: number, depth: number): AxdrDecoded {
  if (offset >= bytes.length) throw truncated("data tag", offset, 1, 0);
  const tag = bytes[offset]!;
  const t = dataType(tag);
  if (!t) {
    throw new DlmsError("AXDR_TYPE", "axdr", `unknown data type tag 0x${tag.toString(16).padStart(2, "0")}`, {
      offset,
      field: "data tag",
      actual: tag,
    });
  }
  if (t.kind === "compact-array") return readCompactArray(bytes, offset, depth);
  return readContent(bytes, offset + 1, t, offset, depth);
}

/** Reads the content of a value whose type is known (after its tag, or untagged in a compact array). */
function readContent(bytes: Uint8Array, p: number, t: DataType, at: number, depth: number): AxdrDecoded {
  const tag = t.tag;
  const type = t.name;
  switch (t.kind) {
    case "null":
    case "dont-care":
      return { value: { tag, type, offset: at, kind: t.kind }, next: p };
    case "array":
    case "structure": {
      if (depth >= MAX_DEPTH) {
        throw new DlmsError("AXDR_DEPTH", "axdr", `nesting deeper than ${MAX_DEPTH}`, {
          offset: at,
          field: t.name,
          expected: MAX_DEPTH,
        });
      }
      const { length: n, next } = readLength(bytes, p, `${t.name} length`);
      // Every element takes at least one byte: a count beyond the remaining bytes is a bad length.
      if (n > bytes.length - next) {
        throw new DlmsError(
          "AXDR_LENGTH",
          "axdr",
          `${t.name} of ${n} elements in ${bytes.length - next} bytes`,
          {
            offset: p,
            field: `${t.name} length`,
            expected: `<= ${bytes.length - next}`,
            actual: n,
          },
        );
      }
      const items: AxdrValue[] = [];
      let q = next;
      for (let i = 0; i < n; i++) {
        const r = readData(bytes, q, depth + 1);
        items.push(r.value);
        q = r.next;
      }
      return { value: { tag, type, offset: at, kind: t.kind, items }, next: q };
    }
    case "boolean": {
      if (p + 1 > bytes.length) throw truncated(t.name, p, 1, bytes.length - p);
      return { value: { tag, type, offset: at, kind: "boolean", value: bytes[p] !== 0 }, next: p + 1 };
    }
    case "bit-string": {
      const { length: bits, next } = readLength(bytes, p, "bit-string length");
      const n = Math.ceil(bits / 8);
      if (next + n > bytes.length) throw truncated(t.name, next, n, bytes.length - next);
      return {
        value: { tag, type, offset: at, kind: "bit-string", bits, bytes: bytes.subarray(next, next + n) },
        next: next + n,
      };
    }
    case "octets":
    case "string": {
      const { length: n, next } = readLength(bytes, p, `${t.name} length`);
      if (next + n > bytes.length) throw truncated(t.name, next, n, bytes.length - next);
      return {
        value: { tag, type, offset: at, kind: t.kind, bytes: bytes.subarray(next, next + n) },
        next: next + n,
      };
    }
    case "date-time":
    case "date":
    case "time": {
      const n = t.size!;
      if (p + n > bytes.length) throw truncated(t.name, p, n, bytes.length - p);
      return { value: { tag, type, offset: at, kind: t.kind, bytes: bytes.subarray(p, p + n) }, next: p + n };
    }
    case "int":
    case "uint":
    case "float": {
      const n = t.size!;
      if (p + n > bytes.length) throw truncated(t.name, p, n, bytes.length - p);
      return { value: { tag, type, offset: at, kind: t.kind, value: readNumber(bytes, p, t) }, next: p + n };
    }
    case "compact-array":
      // Only reached for a compact array nested in a type description, which Green Book 9.5 forbids.
      throw new DlmsError("AXDR_TYPE", "axdr", "compact-array inside a type description", {
        offset: at,
        field: "type-description",
      });
  }
}

function readNumber(bytes: Uint8Array, p: number, t: DataType): number | bigint {
  const signed = t.kind === "int";
  switch (t.size) {
    case 1: {
      const v = bytes[p]!;
      return signed ? (v << 24) >> 24 : v;
    }
    case 2: {
      const v = (bytes[p]! << 8) | bytes[p + 1]!;
      return signed ? (v << 16) >> 16 : v;
    }
    case 4: {
      if (t.kind === "float") return new DataView(bytes.buffer, bytes.byteOffset + p, 4).getFloat32(0);
      const v = (bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!;
      return signed ? v : v >>> 0;
    }
    default: {
      const view = new DataView(bytes.buffer, bytes.byteOffset + p, 8);
      if (t.kind === "float") return view.getFloat64(0);
      const big = signed ? view.getBigInt64(0) : view.getBigUint64(0);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(big)
        : big;
    }
  }
}

/**
 * compact-array [19] (Green Book 9.5): a type description, then the contents as an octet string of
 * untagged values that follow the description, repeated until the contents end.
 */
type Desc =
  | { type: DataType }
  | { list: "array"; count: number; of: Desc }
  | { list: "structure"; of: Desc[] };

function readDescription(bytes: Uint8Array, p: number, depth: number): { desc: Desc; next: number } {
  if (depth >= MAX_DEPTH)
    throw new DlmsError("AXDR_DEPTH", "axdr", "type description too deep", { offset: p });
  if (p >= bytes.length) throw truncated("type-description", p, 1, 0);
  const tag = bytes[p]!;
  const t = dataType(tag);
  if (!t || t.kind === "compact-array") {
    throw new DlmsError("AXDR_TYPE", "axdr", `bad type in type-description: 0x${tag.toString(16)}`, {
      offset: p,
      field: "type-description",
      actual: tag,
    });
  }
  if (t.kind === "array") {
    if (p + 3 > bytes.length) throw truncated("type-description array", p, 3, bytes.length - p);
    const count = (bytes[p + 1]! << 8) | bytes[p + 2]!;
    const inner = readDescription(bytes, p + 3, depth + 1);
    return { desc: { list: "array", count, of: inner.desc }, next: inner.next };
  }
  if (t.kind === "structure") {
    const { length: n, next } = readLength(bytes, p + 1, "type-description structure length");
    if (n > bytes.length - next) throw truncated("type-description structure", next, n, bytes.length - next);
    const of: Desc[] = [];
    let q = next;
    for (let i = 0; i < n; i++) {
      const r = readDescription(bytes, q, depth + 1);
      of.push(r.desc);
      q = r.next;
    }
    return { desc: { list: "structure", of }, next: q };
  }
  return { desc: { type: t }, next: p + 1 };
}

/** Smallest encoded size of a described value; 0 only for null-data / dont-care. */
function minSize(d: Desc): number {
  if ("type" in d) return d.type.size ?? 1;
  if (d.list === "array") return d.count * minSize(d.of);
  let n = 0;
  for (const x of d.of) n += minSize(x);
  return n;
}

function readByDescription(bytes: Uint8Array, p: number, d: Desc, depth: number): AxdrDecoded {
  if (depth >= MAX_DEPTH) throw new DlmsError("AXDR_DEPTH", "axdr", "compact-array too deep", { offset: p });
  if ("type" in d) return readContent(bytes, p, d.type, p, depth);
  // Bound the work by the bytes left: elements that cannot fit are a bad description, not a long loop.
  const need = minSize(d);
  if (need > bytes.length - p) throw truncated(`compact-array ${d.list}`, p, need, bytes.length - p);
  const items: AxdrValue[] = [];
  let q = p;
  const n = d.list === "array" ? d.count : d.of.length;
  for (let i = 0; i < n; i++) {
    const r = readByDescription(bytes, q, d.list === "array" ? d.of : d.of[i]!, depth + 1);
    items.push(r.value);
    q = r.next;
  }
  const tag = d.list === "array" ? 1 : 2;
  return { value: { tag, type: d.list, offset: p, kind: d.list, items }, next: q };
}

function readCompactArray(bytes: Uint8Array, at: number, depth: number): AxdrDecoded {
  const { desc, next } = readDescription(bytes, at + 1, depth + 1);
  const { length, next: start } = readLength(bytes, next, "compact-array contents length");
  const end = start + length;
  if (end > bytes.length) throw truncated("compact-array contents", start, length, bytes.length - start);
  const contents = bytes.subarray(0, end);
  const items: AxdrValue[] = [];
  let q = start;
  while (q < end) {
    // A description that consumes nothing (null-data) would never reach the end.
    if (minSize(desc) === 0) {
      throw new DlmsError("AXDR_TYPE", "axdr", "compact-array element of size 0", {
        offset: q,
        field: "compact-array",
      });
    }
    const r = readByDescription(contents, q, desc, depth + 1);
    items.push(r.value);
    q = r.next;
  }
  return { value: { tag: 19, type: "compact-array", offset: at, kind: "array", items }, next: end };
}
