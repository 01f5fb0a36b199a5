/** Payload fields (MeterDriver.payload): values at fixed offsets of manufacturer bytes. */
import type { PayloadField } from "@omdp/mbus";

export type { PayloadField };

/** The field's value, or undefined when the bytes are too short or not BCD. */
export function readPayloadField(data: Uint8Array, f: PayloadField): number | undefined {
  const base = f.register === undefined ? 0 : registerAt(data, f.register);
  if (base === undefined) return undefined;
  return readAt(data, base + f.offset, f);
}

/** Where the data of register `id` starts, or undefined when an unknown register comes first. */
function registerAt(data: Uint8Array, r: NonNullable<PayloadField["register"]>): number | undefined {
  let p = r.start;
  while (p < data.length) {
    const id = data[p]!;
    if (id === r.id) return p + 1;
    const size = r.sizes[id];
    if (size === undefined) return undefined;
    p += 1 + size;
  }
  return undefined;
}

function readAt(data: Uint8Array, offset: number, f: PayloadField): number | undefined {
  if (offset < 0 || offset + f.length > data.length) return undefined;
  let v = 0;
  for (let i = f.length - 1; i >= 0; i--) {
    const byte = data[offset + i]!;
    if (f.coding === "uint") v = v * 256 + byte;
    else {
      const hi = byte >> 4;
      const lo = byte & 0x0f;
      if (hi > 9 || lo > 9) return undefined;
      v = v * 100 + hi * 10 + lo;
    }
  }
  const s = f.scale ?? 1;
  return s === 1 ? v : Number.parseFloat((v * s).toPrecision(12));
}
