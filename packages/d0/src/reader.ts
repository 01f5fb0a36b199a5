/**
 * The reader as the requesting party in mode C (IEC 62056-21 clause 6.4.5), as pure functions over a
 * small state machine: bytes in, actions out, no I/O and no clock (the serial adapter owns timeouts).
 *
 *   start:  send `/? [address] ! CR LF` at 300 baud (7E1)
 *   ident:  parse `/XXXZ..CR LF`; mode C: send `ACK 0 Z 0 CR LF` (option select: normal protocol, the
 *           chosen baud, data readout), then switch baud once the ACK has left the UART — it takes
 *           6 characters x 10 bits / 300 baud = 200 ms — and before the meter answers, at least
 *           tr = 200 ms (20 ms for a lowercase third manufacturer letter) after the ACK's last character
 *           (clause 6.3.14). Mode B: both sides switch right after the identification, no ACK. Mode A:
 *           no switch.
 *   push:   (option) a push-only meter: no request, no ACK, no switch; every readout is reported.
 *   data:   collect the data message up to ETX BCC (or `! CR LF` when the meter sends no STX), check
 *           the BCC, report the reading complete.
 */
import { baudCharModeC, INITIAL_BAUD } from "./baud";
import { ACK, ascii, CR, END, ETX, LF, STX } from "./chars";
import { D0Error } from "./errors";
import { type Identification, parseIdentification } from "./identification";
import { type DataMessage, decodeDataMessage } from "./readout";

export type ReaderAction =
  | { type: "send"; bytes: Uint8Array }
  | {
      type: "switchBaud";
      baud: number;
      /** Switch after this many ms from the start of the preceding send (its transmit time; 0 = now). */
      afterMs: number;
      /** ... and within this many ms after that (the meter's minimum reaction time). */
      withinMs: number;
    }
  | { type: "complete"; identification: Identification; message: DataMessage }
  | { type: "error"; error: D0Error };

export interface ReaderOptions {
  /** Device address for the sign-on request (up to 32 characters: 0-9 A-Z a-z space). */
  address?: string;
  /** Highest baud rate to accept (default 19200); the ACK asks for min(offered, maxBaud). */
  maxBaud?: number;
  /** "etx" (default): a framed block ends at ETX BCC; "end-line": at `! CR LF` even after STX. */
  dataEnd?: "etx" | "end-line";
  /**
   * Push-only meter (Hager EHZ and other eHZ): send nothing, switch nothing, read every readout the
   * meter sends unasked (bytes before a '/' are skipped, so the reader syncs mid-stream).
   */
  push?: boolean;
  /** Bound on buffered bytes (default 65536). */
  maxBytes?: number;
}

export type ReaderPhase = "identification" | "data" | "done" | "failed";

export interface ReaderState {
  readonly phase: ReaderPhase;
  readonly buffer: Uint8Array;
  readonly baud: number;
  readonly identification?: Identification;
  readonly options: ReaderOptions;
}

export interface ReaderStep {
  state: ReaderState;
  actions: ReaderAction[];
}

const BITS_PER_CHAR = 10; // start + 7 data + even parity + stop
const ADDRESS = /^[0-9A-Za-z ]{0,32}$/;

export function signOnRequest(address = ""): Uint8Array {
  if (!ADDRESS.test(address)) {
    throw new D0Error("ENCODE", "device address has invalid characters", { offset: 0, field: "address" });
  }
  return ascii(`/?${address}!\r\n`);
}

/** The acknowledgement/option select message `ACK V Z Y CR LF` (V = '0' normal, Y = '0' readout). */
export function optionSelect(baudChar: string): Uint8Array {
  return ascii(`\u0006` + `0${baudChar}0\r\n`);
}

export function transmitMs(byteCount: number, baud: number): number {
  return (byteCount * BITS_PER_CHAR * 1000) / baud;
}

export function startReader(options: ReaderOptions = {}): ReaderStep {
  const state: ReaderState = {
    phase: "identification",
    buffer: new Uint8Array(0),
    baud: INITIAL_BAUD,
    options,
  };
  if (options.push) return { state, actions: [] };
  return { state, actions: [{ type: "send", bytes: signOnRequest(options.address) }] };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function fail(state: ReaderState, error: D0Error): ReaderStep {
  return {
    state: { ...state, phase: "failed", buffer: new Uint8Array(0) },
    actions: [{ type: "error", error }],
  };
}

function onIdentification(state: ReaderState, buffer: Uint8Array): ReaderStep {
  const start = buffer.indexOf(0x2f);
  if (start < 0) return { state: { ...state, buffer: new Uint8Array(0) }, actions: [] };
  const line = buffer.subarray(start);
  if (line.indexOf(LF) < 0) return { state: { ...state, buffer: line }, actions: [] };
  let id: Identification;
  try {
    id = parseIdentification(line, 0);
  } catch (e) {
    if (e instanceof D0Error) return fail(state, e);
    throw e;
  }
  const rest = line.subarray(id.end);
  const next: ReaderState = { ...state, phase: "data", buffer: new Uint8Array(0), identification: id };
  const actions: ReaderAction[] = [];
  const max = state.options.maxBaud ?? 19200;
  if (state.options.push) return onData(next, rest);
  if (id.mode === "C" && id.baud !== undefined) {
    const baud = Math.min(id.baud, max);
    const z = baudCharModeC(baud) ?? "0";
    const ack = optionSelect(z);
    actions.push({ type: "send", bytes: ack });
    actions.push({
      type: "switchBaud",
      baud,
      afterMs: transmitMs(ack.length, state.baud),
      withinMs: id.minReactionMs,
    });
    const step = onData({ ...next, baud }, rest);
    return { state: step.state, actions: [...actions, ...step.actions] };
  }
  if (id.mode === "B" && id.baud !== undefined) {
    actions.push({ type: "switchBaud", baud: id.baud, afterMs: 0, withinMs: id.minReactionMs });
    const step = onData({ ...next, baud: id.baud }, rest);
    return { state: step.state, actions: [...actions, ...step.actions] };
  }
  return onData(next, rest);
}

/** Where the data message ends in `buffer` (exclusive), or -1 while incomplete. */
function messageEnd(buffer: Uint8Array, endLine: boolean): number {
  let i = 0;
  while (i < buffer.length && (buffer[i] === ACK || buffer[i] === CR || buffer[i] === LF || buffer[i] === 0))
    i++;
  const framed = buffer[i] === STX;
  if (framed && !endLine) {
    const etx = buffer.indexOf(ETX, i);
    return etx >= 0 && etx + 1 < buffer.length ? etx + 2 : -1;
  }
  const bang = buffer.indexOf(END, i);
  if (bang < 0) return -1;
  const lf = buffer.indexOf(LF, bang);
  return lf < 0 ? -1 : lf + 1;
}

function onData(state: ReaderState, buffer: Uint8Array): ReaderStep {
  const end = messageEnd(buffer, state.options.dataEnd === "end-line");
  if (end < 0) return { state: { ...state, buffer }, actions: [] };
  let from = 0;
  while (buffer[from] === ACK || buffer[from] === 0) from++;
  try {
    const message = decodeDataMessage(buffer.subarray(0, end), from);
    const id = state.identification as Identification;
    return {
      state: { ...state, phase: "done", buffer: buffer.subarray(end) },
      actions: [{ type: "complete", identification: id, message }],
    };
  } catch (e) {
    if (e instanceof D0Error) return fail(state, e);
    throw e;
  }
}

/** Feeds received bytes; returns the next state and the actions to perform in order. */
export function feedReader(state: ReaderState, chunk: Uint8Array): ReaderStep {
  if (state.phase === "done" || state.phase === "failed") return { state, actions: [] };
  const buffer = concat(state.buffer, chunk);
  if (buffer.length > (state.options.maxBytes ?? 65536)) {
    return fail(state, new D0Error("TOO_LONG", "readout exceeds maxBytes", { offset: buffer.length }));
  }
  const actions: ReaderAction[] = [];
  let current = state;
  let pending = buffer;
  // Bounded: each round that continues has completed a readout, which consumed at least one byte.
  for (let round = 0; round <= buffer.length; round++) {
    const step =
      current.phase === "identification" ? onIdentification(current, pending) : onData(current, pending);
    actions.push(...step.actions);
    current = step.state;
    if (!current.options.push || current.phase !== "done") break;
    pending = current.buffer;
    current = { ...current, phase: "identification", buffer: new Uint8Array(0) };
    if (pending.length === 0) break;
  }
  return { state: current, actions };
}
