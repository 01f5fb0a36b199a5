import { GbtAssembler, readGbtBlock } from "../apdu/gbt";
import { APDU_TAG } from "../apdu/tags";
import { DlmsError, type DlmsResult, fail, ok } from "../errors";
import { concatBytes } from "../hex";
import type { HdlcFrame } from "./frame";

/**
 * LLC header in front of the APDU (IEC 62056-46 8.x / ISO/IEC 8802-2): destination LSAP E6, source
 * LSAP E6 (command) or E7 (response), quality 00. Only the first segment carries it.
 */
export const LLC_RESPONSE = [0xe6, 0xe7, 0x00] as const;

function stripLlc(info: Uint8Array): Uint8Array {
  if (info.length >= 3 && info[0] === 0xe6 && (info[1] === 0xe7 || info[1] === 0xe6) && info[2] === 0x00) {
    return info.subarray(3);
  }
  return info;
}

export interface HdlcApdu {
  readonly apdu: Uint8Array;
  /** HDLC frames that carried it. */
  readonly frames: number;
  /** general-block-transfer blocks joined (0 if none). */
  readonly blocks: number;
}

/**
 * Joins HDLC information fields into APDUs: frames with the S bit set are segments of one information
 * field (6.4.4.1); an APDU that is a general-block-transfer is joined across frames by block number.
 */
export class HdlcApduAssembler {
  private segments: Uint8Array[] = [];
  private frames = 0;
  private blocks = 0;
  private size = 0;
  private readonly gbt = new GbtAssembler();

  constructor(private readonly maxBytes = 65_536) {}

  reset(): void {
    this.segments = [];
    this.frames = 0;
    this.blocks = 0;
    this.size = 0;
    this.gbt.reset();
  }

  push(frame: HdlcFrame): DlmsResult<HdlcApdu | undefined> {
    this.frames++;
    this.size += frame.info.length;
    if (this.size > this.maxBytes) {
      this.reset();
      return fail(
        new DlmsError("HDLC_SEGMENT", "hdlc", "segmented information larger than the limit", {
          offset: frame.offset,
          field: "information",
          expected: `<= ${this.maxBytes}`,
        }),
      );
    }
    this.segments.push(frame.info);
    if (frame.segmented) return ok(undefined);
    const info = stripLlc(this.segments.length === 1 ? this.segments[0]! : concatBytes(this.segments));
    this.segments = [];
    this.size = 0;
    if (info[0] !== APDU_TAG.generalBlockTransfer) {
      if (this.gbt.pending) {
        const frames = this.frames;
        this.reset();
        return fail(
          new DlmsError("GBT_BLOCK", "hdlc", "block transfer interrupted by another APDU", {
            offset: frame.offset,
            field: "general-block-transfer",
            actual: `${frames} frames`,
          }),
        );
      }
      const out = { apdu: info, frames: this.frames, blocks: 0 };
      this.frames = 0;
      return ok(out);
    }
    // One or more blocks in this information field.
    let p = 0;
    while (p < info.length) {
      const block = decodeBlock(info, p);
      if (!block.ok) {
        this.reset();
        return fail(block.error);
      }
      this.blocks++;
      const r = this.gbt.push(block.value, p);
      if (!r.ok) {
        this.reset();
        return fail(r.error);
      }
      p = block.value.next;
      if (r.value) {
        const out = { apdu: r.value, frames: this.frames, blocks: this.blocks };
        this.frames = 0;
        this.blocks = 0;
        return ok(out);
      }
    }
    return ok(undefined);
  }
}

function decodeBlock(info: Uint8Array, p: number): DlmsResult<ReturnType<typeof readGbtBlock>> {
  try {
    return ok(readGbtBlock(info, p));
  } catch (e) {
    if (e instanceof DlmsError) return fail(e);
    throw e;
  }
}
