import { encodeLength } from "./length";
import { type DataType, dataTypeByName } from "./types";

type NumberType =
  | "integer"
  | "long"
  | "double-long"
  | "long64"
  | "unsigned"
  | "long-unsigned"
  | "double-long-unsigned"
  | "long64-unsigned"
  | "enum"
  | "bcd"
  | "float32"
  | "float64"
  | "delta-integer"
  | "delta-long"
  | "delta-double-long"
  | "delta-unsigned"
  | "delta-long-unsigned"
  | "delta-double-long-unsigned";

/** The type-description of a compact-array (Green Book 9.5): a simple type, a structure or an array. */
export type CompactDescription =
  | { readonly type: NumberType | "boolean" | "octet-string" | "visible-string" | "utf8-string" }
  | { readonly type: "date-time" | "date" | "time" | "bit-string" }
  | { readonly type: "structure"; readonly of: readonly CompactDescription[] }
  | { readonly type: "array"; readonly count: number; readonly of: CompactDescription };

/** What the encoders take: a `Data` value by type name (Green Book 9.5). */
export type AxdrInput =
  | { readonly type: "null-data" | "dont-care" }
  | { readonly type: "array" | "structure"; readonly items: readonly AxdrInput[] }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "bit-string"; readonly bits: number; readonly bytes: Uint8Array }
  | { readonly type: "octet-string" | "date-time" | "date" | "time"; readonly bytes: Uint8Array }
  | { readonly type: "visible-string" | "utf8-string"; readonly text: string }
  | { readonly type: NumberType; readonly value: number | bigint }
  | {
      readonly type: "compact-array";
      readonly description: CompactDescription;
      /** Elements as tagged inputs; their content is written untagged, as the description says. */
      readonly items: readonly AxdrInput[];
    };

/** Encodes one tagged value (deterministic: the same input always gives the same bytes). */
export function encodeData(v: AxdrInput): Uint8Array {
  const out: number[] = [];
  write(out, v);
  return Uint8Array.from(out);
}

function typeOf(name: string): DataType {
  const t = dataTypeByName(name);
  if (!t) throw new RangeError(`unknown A-XDR type ${name}`);
  return t;
}

function write(out: number[], v: AxdrInput): void {
  const t = typeOf(v.type);
  out.push(t.tag);
  if (v.type === "compact-array") {
    writeDescription(out, v.description);
    const contents: number[] = [];
    for (const x of v.items) writeContent(contents, x, v.description);
    out.push(...encodeLength(contents.length), ...contents);
    return;
  }
  writeContent(out, v);
}

function writeDescription(out: number[], d: CompactDescription): void {
  out.push(typeOf(d.type).tag);
  if (d.type === "structure") {
    out.push(...encodeLength(d.of.length));
    for (const x of d.of) writeDescription(out, x);
  } else if (d.type === "array") {
    out.push((d.count >> 8) & 0xff, d.count & 0xff);
    writeDescription(out, d.of);
  }
}

/** Writes a value's content without its tag; inside a compact array, lists follow the description. */
function writeContent(out: number[], v: AxdrInput, d?: CompactDescription): void {
  const t = typeOf(v.type);
  if (d && d.type !== v.type) throw new RangeError(`compact-array element ${v.type} is not a ${d.type}`);
  switch (v.type) {
    case "null-data":
    case "dont-care":
      return;
    case "array":
    case "structure":
      if (d?.type === "structure") {
        if (v.items.length !== d.of.length) throw new RangeError("compact-array structure size");
        for (let i = 0; i < d.of.length; i++) writeContent(out, v.items[i]!, d.of[i]);
        return;
      }
      if (d?.type === "array") {
        if (v.items.length !== d.count) throw new RangeError("compact-array array size");
        for (const x of v.items) writeContent(out, x, d.of);
        return;
      }
      out.push(...encodeLength(v.items.length));
      for (const x of v.items) write(out, x);
      return;
    case "compact-array":
      throw new RangeError("compact-array inside a compact-array");
    case "boolean":
      out.push(v.value ? 0xff : 0x00);
      return;
    case "bit-string": {
      const n = Math.ceil(v.bits / 8);
      if (v.bytes.length !== n) throw new RangeError(`bit-string of ${v.bits} bits needs ${n} bytes`);
      out.push(...encodeLength(v.bits), ...v.bytes);
      return;
    }
    case "octet-string":
      out.push(...encodeLength(v.bytes.length), ...v.bytes);
      return;
    case "date-time":
    case "date":
    case "time":
      if (v.bytes.length !== t.size) throw new RangeError(`${v.type} needs ${t.size} bytes`);
      out.push(...v.bytes);
      return;
    case "visible-string":
    case "utf8-string": {
      const b = new TextEncoder().encode(v.text);
      out.push(...encodeLength(b.length), ...b);
      return;
    }
    default:
      out.push(...numberBytes(t, v.value));
  }
}

function numberBytes(t: DataType, n: number | bigint): Uint8Array {
  const size = t.size!;
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  if (t.kind === "float") {
    if (size === 4) view.setFloat32(0, Number(n));
    else view.setFloat64(0, Number(n));
  } else if (size === 8) {
    if (t.kind === "int") view.setBigInt64(0, BigInt(n));
    else view.setBigUint64(0, BigInt(n));
  } else {
    const x = Number(n);
    const min = t.kind === "int" ? -(2 ** (8 * size - 1)) : 0;
    const max = t.kind === "int" ? 2 ** (8 * size - 1) - 1 : 2 ** (8 * size) - 1;
    if (!Number.isInteger(x) || x < min || x > max) throw new RangeError(`${t.name} out of range: ${x}`);
    for (let i = 0; i < size; i++)
      buf[size - 1 - i] = Math.floor((x < 0 ? x + 2 ** (8 * size) : x) / 2 ** (8 * i)) & 0xff;
  }
  return buf;
}
