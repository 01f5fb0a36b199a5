/**
 * A two-threshold, two-timer state machine: an alert fires once the `on` condition has held for
 * `onForMs`, and resolves once the `off` condition has held for `offForMs`. Between the thresholds
 * the alert keeps its state, so a value wobbling around one threshold cannot make it flap.
 * Time is the data's own time (reading time), so replays give the same answers.
 */
export type Phase = "normal" | "pending" | "firing" | "clearing";

export interface HState {
  phase: Phase;
  /** Start of the current pending/clearing period (ms). */
  since: number | null;
  /** When the alert fired (ms); null while normal. */
  firedAt: number | null;
}

export interface Timing {
  readonly onForMs: number;
  readonly offForMs: number;
}

export type Transition = "fire" | "resolve" | null;

export function initial(): HState {
  return { phase: "normal", since: null, firedAt: null };
}

/** Feeds one observation at time `t`; mutates `s`. `on` and `off` must not both be true. */
export function step(s: HState, t: number, on: boolean, off: boolean, timing: Timing): Transition {
  switch (s.phase) {
    case "normal":
      if (!on) return null;
      s.phase = "pending";
      s.since = t;
      return step(s, t, on, off, timing);
    case "pending":
      if (!on) {
        s.phase = "normal";
        s.since = null;
        return null;
      }
      if (t - s.since! < timing.onForMs) return null;
      s.phase = "firing";
      s.since = null;
      s.firedAt = t;
      return "fire";
    case "firing":
      if (!off) return null;
      s.phase = "clearing";
      s.since = t;
      return step(s, t, on, off, timing);
    case "clearing":
      if (!off) {
        s.phase = "firing";
        s.since = null;
        return null;
      }
      if (t - s.since! < timing.offForMs) return null;
      s.phase = "normal";
      s.since = null;
      s.firedAt = null;
      return "resolve";
  }
}
