import { encodeLength } from "./length";
import { dataTypeByName } from "./types";

/** What the encoders take: a `Data` value by type name (Green Book 9.5). */
export type AxdrInput =
  | { readonly type: "null-data" }
  | { readonly type: "array" | "structure"; readonly items: readonly AxdrInput[] }
  | { readonly type: "boolean"; readonly value: boolean }
  | { readonly type: "octet-string" | "date-time" | "date" | "time"; readonly bytes: Uint8Array }
  | { readonly type: "visible-string" | "utf8-string"; readonly text: string }
  | {
      readonly type:
        | "integer"
        | "long"
        | "double-long"
        | "long64"
        | "unsigned"
        | "long-unsigned"
        | "double-long-unsigned"
        | "long64-unsigned"
        | "enum"
        | "float32"
        | "float64";
      readonly value: number | bigint;
    };

/** Encodes one tagged value (deterministic: the same input always gives the same bytes). */
export function encodeData(v: AxdrInput): Uint8Array {
  const out: number[] = [];
  write(out, v);
  return Uint8Array.from(out);
}

function write(out: number[], v: AxdrInput): void {
  const t = dataTypeByName(v.type);
  if (!t) throw new RangeError(`unknown A-XDR type ${v.type}`);
  out.push(t.tag);
  switch (v.type) {
    case "null-data":
      return;
    case "array":
    case "structure":
      out.push(...encodeLength(v.items.length));
      for (const x of v.items) write(out, x);
      return;
    case "boolean":
      out.push(v.value ? 0xff : 0x00);
      return;
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
    default: {
      const size = t.size!;
      const buf = new Uint8Array(size);
      const view = new DataView(buf.buffer);
      const n = v.value;
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
        if (!Number.isInteger(x) || x < min || x > max) throw new RangeError(`${v.type} out of range: ${x}`);
        for (let i = 0; i < size; i++)
          buf[size - 1 - i] = Math.floor((x < 0 ? x + 2 ** (8 * size) : x) / 2 ** (8 * i)) & 0xff;
      }
      out.push(...buf);
    }
  }
}
