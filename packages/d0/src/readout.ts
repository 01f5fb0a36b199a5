/**
 * A whole readout as a meter sends it in modes A to D, or unasked (push-only meters such as the Hager
 * EHZ): the identification message, then the data message `STX data ! CR LF ETX BCC`
 * (IEC 62056-21 clause 6.3.3). Push-only meters and some request/response meters omit STX, ETX and
 * BCC; then `bcc` is null. Where an ETX is present its BCC is checked (BCC_MISMATCH with expected and
 * computed); `requireBcc` makes a missing ETX/BCC an error too.
 */
import { bcc } from "./bcc";
import { CR, END, ETX, LF, STX } from "./chars";
import { type DataSet, parseDataSets } from "./dataset";
import { D0Error } from "./errors";
import { type Identification, parseIdentification } from "./identification";

export interface BccCheck {
  transmitted: number;
  computed: number;
}

export interface DataMessage {
  dataSets: DataSet[];
  /** Whether the block was framed by STX. */
  framed: boolean;
  bcc: BccCheck | null;
  /** Offset just after the message (after BCC, or after the end line). */
  end: number;
}

export interface D0Readout extends DataMessage {
  identification: Identification;
}

export interface DecodeOptions {
  requireBcc?: boolean;
}

/** The index of the first '!' outside a value group at or after `from`, or -1. */
function findEnd(bytes: Uint8Array, from: number): number {
  let inGroup = false;
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x28) inGroup = true;
    else if (b === 0x29 || b === CR || b === LF)
      inGroup = false; // a value never spans lines
    else if (b === END && !inGroup) return i;
  }
  return -1;
}

function skipLineEnd(bytes: Uint8Array, i: number): number {
  let j = i;
  if (bytes[j] === CR) j++;
  if (bytes[j] === LF) j++;
  return j;
}

/** Decodes the data message starting at `offset` (STX, or the first data set of an unframed block). */
export function decodeDataMessage(bytes: Uint8Array, offset = 0, options: DecodeOptions = {}): DataMessage {
  let i = offset;
  while (bytes[i] === CR || bytes[i] === LF) i++;
  const framed = bytes[i] === STX;
  const stx = i;
  const dataStart = framed ? i + 1 : i;
  const bang = findEnd(bytes, dataStart);
  if (bang < 0) throw new D0Error("NO_END", "data block has no '!'", { offset: bytes.length });
  const dataSets = parseDataSets(bytes, dataStart, bang);
  const afterEnd = skipLineEnd(bytes, bang + 1);
  const etx = bytes[afterEnd] === ETX ? afterEnd : -1;
  if (etx < 0) {
    if (options.requireBcc) {
      throw new D0Error("NO_ETX", "data message ends without ETX", {
        offset: afterEnd,
        expected: ETX,
        actual: bytes[afterEnd] ?? "end of input",
      });
    }
    return { dataSets, framed, bcc: null, end: afterEnd };
  }
  const transmitted = bytes[etx + 1];
  if (transmitted === undefined)
    throw new D0Error("NO_BCC", "ETX is not followed by a BCC", { offset: etx + 1 });
  const computed = bcc(bytes, framed ? stx + 1 : dataStart, etx);
  if (computed !== transmitted) {
    throw new D0Error("BCC_MISMATCH", "block check character does not match", {
      offset: etx + 1,
      expected: transmitted,
      actual: computed,
      field: "bcc",
    });
  }
  return { dataSets, framed, bcc: { transmitted, computed }, end: etx + 2 };
}

/** Decodes a readout: identification message then data message. */
export function decodeReadout(bytes: Uint8Array, options: DecodeOptions = {}): D0Readout {
  let i = 0;
  while (bytes[i] === CR || bytes[i] === LF || bytes[i] === 0) i++;
  const identification = parseIdentification(bytes, i);
  return { identification, ...decodeDataMessage(bytes, identification.end, options) };
}
