import { readLength } from "../axdr/length";
import { DlmsError, type DlmsResult, fail, ok } from "../errors";
import { concatBytes } from "../hex";
import { APDU_TAG } from "./tags";

/**
 * general-block-transfer (Green Book 9.3.10 / 9.5, tag [224] = 0xE0):
 *   block-control (bit 7 last-block, bit 6 streaming, bits 0-5 window), block-number Unsigned16,
 *   block-number-acknowledged Unsigned16, block-data OCTET STRING.
 */
export interface GbtBlock {
  readonly last: boolean;
  readonly streaming: boolean;
  readonly window: number;
  readonly number: number;
  readonly ack: number;
  readonly data: Uint8Array;
  /** Offset after this block. */
  readonly next: number;
}

export function readGbtBlock(bytes: Uint8Array, p: number): GbtBlock {
  if (bytes[p] !== APDU_TAG.generalBlockTransfer) {
    throw new DlmsError("GBT_BLOCK", "apdu", "not a general-block-transfer", {
      offset: p,
      field: "apdu tag",
      expected: APDU_TAG.generalBlockTransfer,
      actual: bytes[p] ?? "end",
    });
  }
  if (p + 6 > bytes.length) {
    throw new DlmsError("APDU_TRUNCATED", "apdu", "general-block-transfer header cut off", {
      offset: p,
      field: "block-control",
      expected: 6,
      actual: bytes.length - p,
    });
  }
  const control = bytes[p + 1]!;
  const number = (bytes[p + 2]! << 8) | bytes[p + 3]!;
  const ack = (bytes[p + 4]! << 8) | bytes[p + 5]!;
  const { length, next } = readLength(bytes, p + 6, "block-data length");
  if (next + length > bytes.length) {
    throw new DlmsError("APDU_TRUNCATED", "apdu", "block-data cut off", {
      offset: next,
      field: "block-data",
      expected: length,
      actual: bytes.length - next,
    });
  }
  return {
    last: (control & 0x80) !== 0,
    streaming: (control & 0x40) !== 0,
    window: control & 0x3f,
    number,
    ack,
    data: bytes.subarray(next, next + length),
    next: next + length,
  };
}

/** Joins the blocks of one transfer: numbers must run 1, 2, 3... until the block marked last. */
export class GbtAssembler {
  private parts: Uint8Array[] = [];
  private expected = 1;
  private size = 0;

  constructor(private readonly maxBytes = 65_536) {}

  get pending(): boolean {
    return this.parts.length > 0;
  }

  reset(): void {
    this.parts = [];
    this.expected = 1;
    this.size = 0;
  }

  /** Feeds one block; returns the joined data after the last block, undefined while more are due. */
  push(block: GbtBlock, offset = 0): DlmsResult<Uint8Array | undefined> {
    if (block.number === 1 && this.expected !== 1) this.reset();
    if (block.number !== this.expected) {
      const expected = this.expected;
      this.reset();
      return fail(
        new DlmsError("GBT_BLOCK", "apdu", `block ${block.number} out of order`, {
          offset,
          field: "block-number",
          expected,
          actual: block.number,
        }),
      );
    }
    this.size += block.data.length;
    if (this.size > this.maxBytes) {
      this.reset();
      return fail(
        new DlmsError("GBT_BLOCK", "apdu", "block transfer larger than the limit", {
          offset,
          field: "block-data",
          expected: `<= ${this.maxBytes}`,
        }),
      );
    }
    this.parts.push(block.data);
    this.expected++;
    if (!block.last) return ok(undefined);
    const all = concatBytes(this.parts);
    this.reset();
    return ok(all);
  }
}
