import { readData } from "../axdr/decode";
import { readLength } from "../axdr/length";
import type { AxdrValue } from "../axdr/value";
import { DlmsError } from "../errors";
import { concatBytes } from "../hex";
import { dataAccessResultName } from "./access-result";
import { APDU_TAG } from "./tags";

/**
 * get-response [196] (Green Book 9.5):
 *   Get-Response ::= CHOICE { get-response-normal [1], get-response-with-datablock [2],
 *                             get-response-with-list [3] }
 *   normal:        invoke-id-and-priority Unsigned8, result Get-Data-Result
 *   with-datablock: invoke-id-and-priority, DataBlock-G { last-block BOOLEAN, block-number Unsigned32,
 *                   result CHOICE { raw-data [0] OCTET STRING, data-access-result [1] ENUMERATED } }
 *   with-list:     invoke-id-and-priority, SEQUENCE OF Get-Data-Result
 *   Get-Data-Result ::= CHOICE { data [0] Data, data-access-result [1] Data-Access-Result }
 */
export const GET_RESPONSE = { normal: 1, withDatablock: 2, withList: 3 } as const;

export type GetResponseKind =
  | "get-response-normal"
  | "get-response-with-datablock"
  | "get-response-with-list";

export interface AccessResult {
  /** Position in the list (0 for normal and datablock responses). */
  readonly index: number;
  readonly code: number;
  readonly name: string;
}

export interface GetResponse {
  readonly kind: GetResponseKind;
  readonly invokeId: number;
  /** The data; for a list, an array of the results (null-data where an access result came instead). */
  readonly body: AxdrValue;
  /** Results of the list that carried a data-access-result instead of data. */
  readonly accessResults: readonly AccessResult[];
  /** Datablocks joined (0 when not a datablock response). */
  readonly blocks: number;
}

function cut(field: string, offset: number, need: number, have: number): DlmsError {
  return new DlmsError("APDU_TRUNCATED", "apdu", `get-response ${field} cut off`, {
    offset,
    field,
    expected: need,
    actual: have,
  });
}

function accessError(offset: number, code: number): DlmsError {
  return new DlmsError("DATA_ACCESS_RESULT", "apdu", `the meter answered ${dataAccessResultName(code)}`, {
    offset,
    field: "data-access-result",
    expected: "data",
    actual: dataAccessResultName(code),
  });
}

function trailing(next: number, length: number): DlmsError {
  return new DlmsError("APDU_TRAILING", "apdu", `${length - next} bytes after the get-response`, {
    offset: next,
    field: "get-response",
    expected: length,
    actual: next,
  });
}

/** Decodes the get-response at `p` (which ends the buffer; datablocks may follow each other). */
export function readGetResponse(bytes: Uint8Array, p: number): GetResponse {
  if (p + 3 > bytes.length) throw cut("header", p, 3, bytes.length - p);
  const choice = bytes[p + 1]!;
  const invokeId = bytes[p + 2]!;
  switch (choice) {
    case GET_RESPONSE.normal: {
      const q = p + 3;
      if (q >= bytes.length) throw cut("result", q, 1, 0);
      if (bytes[q] === 1) throw accessError(q + 1, bytes[q + 1] ?? -1);
      if (bytes[q] !== 0) throw badChoice(q, bytes[q]!);
      const { value, next } = readData(bytes, q + 1, 0);
      if (next !== bytes.length) throw trailing(next, bytes.length);
      return { kind: "get-response-normal", invokeId, body: value, accessResults: [], blocks: 0 };
    }
    case GET_RESPONSE.withDatablock:
      return readDatablocks(bytes, p, invokeId);
    case GET_RESPONSE.withList:
      return readList(bytes, p, invokeId);
    default:
      throw new DlmsError("APDU_UNKNOWN", "apdu", `get-response choice ${choice}`, {
        offset: p + 1,
        field: "get-response choice",
        expected: "1|2|3",
        actual: choice,
      });
  }
}

function badChoice(offset: number, actual: number): DlmsError {
  return new DlmsError(
    "APDU_UNKNOWN",
    "apdu",
    "Get-Data-Result is neither data [0] nor data-access-result [1]",
    {
      offset,
      field: "Get-Data-Result",
      expected: "0|1",
      actual,
    },
  );
}

function readList(bytes: Uint8Array, p: number, invokeId: number): GetResponse {
  const { length: n, next } = readLength(bytes, p + 3, "get-response-with-list count");
  if (n > bytes.length - next) throw cut("with-list results", next, n, bytes.length - next);
  const items: AxdrValue[] = [];
  const accessResults: AccessResult[] = [];
  let q = next;
  for (let i = 0; i < n; i++) {
    if (q + 2 > bytes.length) throw cut("result", q, 2, bytes.length - q);
    if (bytes[q] === 1) {
      const code = bytes[q + 1]!;
      accessResults.push({ index: i, code, name: dataAccessResultName(code) });
      items.push({ tag: 0, type: "null-data", offset: q, kind: "null" });
      q += 2;
      continue;
    }
    if (bytes[q] !== 0) throw badChoice(q, bytes[q]!);
    const r = readData(bytes, q + 1, 0);
    items.push(r.value);
    q = r.next;
  }
  if (q !== bytes.length) throw trailing(q, bytes.length);
  const body: AxdrValue = { tag: 1, type: "array", offset: p, kind: "array", items };
  return { kind: "get-response-with-list", invokeId, body, accessResults, blocks: 0 };
}

/**
 * Joins get-response-with-datablock APDUs that follow each other in the buffer (block numbers 1, 2, ...
 * up to the one with last-block set), then reads the joined raw-data as one Data.
 */
function readDatablocks(bytes: Uint8Array, p: number, invokeId: number): GetResponse {
  const parts: Uint8Array[] = [];
  let q = p;
  for (let expected = 1; q < bytes.length; expected++) {
    if (bytes[q] !== APDU_TAG.getResponse || bytes[q + 1] !== GET_RESPONSE.withDatablock) {
      throw new DlmsError("GET_BLOCK", "apdu", "a datablock is followed by something else", {
        offset: q,
        field: "apdu tag",
        expected: "c4 02",
        actual: bytes[q] ?? "end",
      });
    }
    if (q + 9 > bytes.length) throw cut("DataBlock-G", q, 9, bytes.length - q);
    const last = bytes[q + 3] !== 0;
    const number =
      ((bytes[q + 4]! << 24) | (bytes[q + 5]! << 16) | (bytes[q + 6]! << 8) | bytes[q + 7]!) >>> 0;
    if (number !== expected) {
      throw new DlmsError("GET_BLOCK", "apdu", `datablock ${number} out of order`, {
        offset: q + 4,
        field: "block-number",
        expected,
        actual: number,
      });
    }
    if (bytes[q + 8] === 1) throw accessError(q + 9, bytes[q + 9] ?? -1);
    if (bytes[q + 8] !== 0) throw badChoice(q + 8, bytes[q + 8]!);
    const { length, next } = readLength(bytes, q + 9, "raw-data length");
    if (next + length > bytes.length) throw cut("raw-data", next, length, bytes.length - next);
    parts.push(bytes.subarray(next, next + length));
    q = next + length;
    if (last) {
      if (q !== bytes.length) throw trailing(q, bytes.length);
      const joined = concatBytes(parts);
      const r = readData(joined, 0, 0);
      if (r.next !== joined.length) {
        throw new DlmsError("APDU_TRAILING", "apdu", "bytes after the data of the joined datablocks", {
          offset: r.next,
          field: "raw-data",
          expected: joined.length,
          actual: r.next,
        });
      }
      return {
        kind: "get-response-with-datablock",
        invokeId,
        body: r.value,
        accessResults: [],
        blocks: parts.length,
      };
    }
  }
  throw new DlmsError("GET_BLOCK", "apdu", "the last datablock is missing", {
    offset: bytes.length,
    field: "last-block",
    expected: "a block with last-block set",
  });
}
