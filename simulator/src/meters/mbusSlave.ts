/**
 * The link layer of a simulated EN 13757-2 slave: answers SND_NKE with E5, REQ_UD2 with RSP_UD
 * (honouring FCB: a repeated FCB gets the same telegram again, a toggled one the next), primary
 * addressing, broadcast 0xFE/0xFF, secondary addressing (selection with wildcards, clause 11 of
 * EN 13757-3 / clause 5.6 of EN 13757-2: a selected slave answers on address 0xFD), and multi-telegram
 * read-outs (the user data of one snapshot spread over several RSP_UD, all but the last ending with the
 * "more records follow" DIF 0x1F).
 */
import {
  ADDRESS,
  C,
  C_BITS,
  encodeFrame,
  type Frame,
  MASTER_CI,
  matchesSecondary,
  parseSelection,
  type SecondaryIdentity,
} from "@omdp/mbus";
import type { SentValue } from "./types";

/** One RSP_UD's application part: CI and the bytes after it. */
export interface UserData {
  readonly ci: number;
  readonly data: Uint8Array;
}

/** One read-out: the telegrams of one snapshot and the values they carry. */
export interface Readout {
  readonly telegrams: readonly UserData[];
  readonly values: SentValue[];
  readonly meterTime: number;
}

/** What the slave's application produces for a read-out: the telegrams of one snapshot. */
export interface ReadoutSource {
  readonly identity: SecondaryIdentity;
  /** Takes a snapshot at meter time `now` and encodes it, one entry per RSP_UD. */
  readout(now: number): Readout;
}

export interface SlaveAnswer {
  readonly bytes: Uint8Array;
  /** Set when this answer is the last telegram of a read-out (`repeat`: sent again for a repeated FCB). */
  readonly completed?: { values: SentValue[]; meterTime: number; repeat?: boolean };
}

export class MbusSlaveLink {
  primary: number;
  private selected = false;
  /** FCB of the last answered REQ_UD2; undefined after SND_NKE (the next request starts a new count). */
  private lastFcb: boolean | undefined;
  private current: Readout | undefined;
  private nextIndex = 0;
  private last: Uint8Array | undefined;

  constructor(
    primary: number,
    private readonly app: ReadoutSource,
  ) {
    this.primary = primary;
  }

  get isSelected(): boolean {
    return this.selected;
  }

  /** A new session (SND_NKE or a selection): FCB count and any unfinished read-out start over. */
  private resetLink(): void {
    this.lastFcb = undefined;
    this.current = undefined;
    this.nextIndex = 0;
    this.last = undefined;
  }

  /** True when a frame to `address` is for this slave. */
  private addressed(address: number): boolean {
    if (address === ADDRESS.NETWORK_LAYER) return this.selected;
    if (address === ADDRESS.BROADCAST_REPLY || address === ADDRESS.BROADCAST_NO_REPLY) return true;
    return address === this.primary;
  }

  /** Handles one master frame; returns the answer bytes, or undefined to stay silent. */
  handle(frame: Frame, now: number): SlaveAnswer | undefined {
    const bytes = this.answer(frame, now);
    if (!bytes) return undefined;
    const done = this.justCompleted;
    this.justCompleted = undefined;
    return done ? { bytes, completed: done } : { bytes };
  }

  private justCompleted: { values: SentValue[]; meterTime: number; repeat?: boolean } | undefined;

  private answer(frame: Frame, now: number): Uint8Array | undefined {
    if (frame.kind === "ack") return undefined;
    // EN 13757-2 clause 5.5: only frames from the primary station (PRM = 1) are requests
    if ((frame.control & C_BITS.PRM) === 0) return undefined;
    const fn = frame.control & C_BITS.FUNCTION;
    if (frame.kind === "long" && (frame.control & ~C_BITS.FCB) === C.SND_UD) {
      if (frame.ci === MASTER_CI.SELECT_SECONDARY && frame.address === ADDRESS.NETWORK_LAYER) {
        const pattern = parseSelection(frame.data);
        // selection: a match selects, anything else deselects (EN 13757-3 clause 11.3)
        this.selected = pattern !== undefined && matchesSecondary(pattern, this.app.identity);
        if (!this.selected) return undefined;
        this.resetLink();
        return encodeFrame({ kind: "ack" });
      }
      if (!this.addressed(frame.address)) return undefined;
      return frame.address === ADDRESS.BROADCAST_NO_REPLY ? undefined : encodeFrame({ kind: "ack" });
    }
    if (frame.kind !== "short" || !this.addressed(frame.address)) return undefined;
    if (frame.control === C.SND_NKE) {
      // link reset: FCB count and any unfinished multi-telegram read-out start over
      this.resetLink();
      if (frame.address === ADDRESS.NETWORK_LAYER) this.selected = false;
      return frame.address === ADDRESS.BROADCAST_NO_REPLY ? undefined : encodeFrame({ kind: "ack" });
    }
    if (fn === (C.REQ_UD2 & C_BITS.FUNCTION) && frame.address !== ADDRESS.BROADCAST_NO_REPLY) {
      const fcv = (frame.control & C_BITS.FCV) !== 0;
      const fcb = (frame.control & C_BITS.FCB) !== 0;
      // clause 5.5.2: FCV set and FCB equal to the last one means the answer was lost: repeat it
      if (fcv && this.last && this.lastFcb === fcb) {
        if (this.current && this.nextIndex === this.current.telegrams.length)
          this.justCompleted = {
            values: this.current.values,
            meterTime: this.current.meterTime,
            repeat: true,
          };
        return this.last;
      }
      if (!this.current || this.nextIndex >= this.current.telegrams.length) {
        this.current = this.app.readout(now);
        this.nextIndex = 0;
      }
      const next = this.current.telegrams[this.nextIndex++]!;
      if (this.nextIndex === this.current.telegrams.length)
        this.justCompleted = { values: this.current.values, meterTime: this.current.meterTime };
      const answer: Frame = {
        kind: "long",
        control: C.RSP_UD,
        address: this.primary,
        ci: next.ci,
        data: next.data,
      };
      this.last = encodeFrame(answer);
      this.lastFcb = fcv ? fcb : undefined;
      return this.last;
    }
    return undefined;
  }
}
