/**
 * The M-Bus master (EN 13757-2 link layer, EN 13757-3 addressing): one request at a time, each answered
 * within the EN 13757-2 answer window or repeated (same FCB) up to `retries` times. Read-outs by
 * primary or secondary address, multi-telegram read-out (FCB toggled per telegram while the slave
 * signals "more records follow"), and the secondary address scan that walks the id digits with
 * wildcards and narrows down wherever two slaves answer at once (a collision garbles the answer).
 */
import {
  ADDRESS,
  C_BITS,
  encodeFrame,
  FcbTracker,
  type Frame,
  type SecondaryPattern,
  selectSecondary,
  sndNke,
} from "@omdp/mbus";
import { answerTimeoutMs } from "./timing";

export interface MasterIo {
  /** Writes a request; false when the link is down. */
  write(bytes: Uint8Array): Promise<boolean>;
}

export interface MasterOptions {
  readonly baudRate: number;
  readonly marginMs: number;
  readonly retries: number;
  readonly maxTelegrams: number;
  /** True when an RSP_UD's user data ends with "more records follow" (DIF 0x1F, EN 13757-3 clause 6.3). */
  readonly moreFollows: (frame: Extract<Frame, { kind: "long" }>) => boolean;
  /** A request went unanswered after all retries. */
  readonly onTimeout?: (what: string) => void;
}

type LongFrame = Extract<Frame, { kind: "long" }>;
type Expect = "ack" | "long";

interface Waiter {
  expect: Expect;
  address: number;
  garbled: boolean;
  resolve(frame: Frame | undefined): void;
}

export type ProbeResult = "none" | "single" | "collision";

export class ReadoutError extends Error {
  override readonly name = "ReadoutError";
  constructor(
    readonly code: "NO_ANSWER" | "LINK_DOWN" | "TOO_MANY_TELEGRAMS" | "STOPPED",
    message: string,
  ) {
    super(message);
  }
}

export class MbusMaster {
  private waiter: Waiter | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly fcb = new FcbTracker();
  private stopped = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly io: MasterIo,
    private readonly opts: MasterOptions,
  ) {}

  /** Feed every frame the parser yields. Returns false when nobody waited for it (unsolicited). */
  onFrame(frame: Frame): boolean {
    const w = this.waiter;
    if (!w) return false;
    if (w.expect === "ack" && frame.kind === "ack") {
      this.finish(frame);
      return true;
    }
    if (
      w.expect === "long" &&
      frame.kind === "long" &&
      (frame.control & C_BITS.PRM) === 0 &&
      (w.address === ADDRESS.NETWORK_LAYER ||
        w.address === ADDRESS.BROADCAST_REPLY ||
        frame.address === w.address)
    ) {
      this.finish(frame);
      return true;
    }
    return false;
  }

  /** Feed parser errors: while an answer is awaited, bytes that are no frame mean a garbled answer. */
  onGarbage(): void {
    if (this.waiter) this.waiter.garbled = true;
  }

  /** Accepts requests again after stop(). */
  resume(): void {
    this.stopped = false;
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.finish(undefined);
  }

  private finish(frame: Frame | undefined): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.resolve(frame);
  }

  /** Serialises exchanges: the bus carries one request and its answer at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One try: send, wait for the expected answer or the timeout. */
  private async once(req: Frame, expect: Expect): Promise<{ frame?: Frame; garbled: boolean }> {
    if (this.stopped) throw new ReadoutError("STOPPED", "reader stopped");
    const address = req.kind === "ack" ? 0 : req.address;
    const waiter: Waiter = { expect, address, garbled: false, resolve: () => undefined };
    const answer = new Promise<Frame | undefined>((resolve) => {
      waiter.resolve = resolve;
    });
    this.waiter = waiter;
    const sent = await this.io.write(encodeFrame(req));
    if (!sent) {
      this.finish(undefined);
      throw new ReadoutError("LINK_DOWN", "link is down");
    }
    const timeout = answerTimeoutMs(this.opts.baudRate, this.opts.marginMs, expect === "long");
    const timer = setTimeout(() => {
      if (this.waiter === waiter) this.finish(undefined);
    }, timeout);
    this.timers.add(timer);
    const frame = await answer;
    clearTimeout(timer);
    this.timers.delete(timer);
    return frame ? { frame, garbled: waiter.garbled } : { garbled: waiter.garbled };
  }

  /** With retries (EN 13757-2: a lost answer is asked for again with the same FCB). */
  private async withRetries(
    req: Frame,
    expect: Expect,
    what: string,
    quiet = false,
  ): Promise<Frame | undefined> {
    for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
      const r = await this.once(req, expect);
      if (r.frame) return r.frame;
    }
    if (!quiet) this.opts.onTimeout?.(what);
    return undefined;
  }

  /** SND_NKE: link reset; true when the slave acknowledged (E5). */
  sndNke(address: number): Promise<boolean> {
    return this.exclusive(async () => {
      const ok = await this.withRetries(sndNke(address), "ack", `SND_NKE to ${address}`);
      if (ok) this.fcb.reset(address);
      return ok !== undefined;
    });
  }

  /** Reads all telegrams of one read-out from a slave at a primary address (or 0xFD after selection). */
  private async readTelegrams(address: number, label: string): Promise<LongFrame[]> {
    const out: LongFrame[] = [];
    for (let i = 0; i < this.opts.maxTelegrams; i++) {
      const frame = await this.withRetries(this.fcb.reqUd2(address), "long", `REQ_UD2 to ${label}`);
      if (frame?.kind !== "long") throw new ReadoutError("NO_ANSWER", `no answer from ${label}`);
      this.fcb.answered(address);
      out.push(frame);
      if (!this.opts.moreFollows(frame)) return out;
    }
    throw new ReadoutError(
      "TOO_MANY_TELEGRAMS",
      `${label} sent more than ${this.opts.maxTelegrams} telegrams`,
    );
  }

  /** Primary address read-out: SND_NKE (starts a fresh read-out), then REQ_UD2 until the last telegram. */
  readPrimary(address: number): Promise<LongFrame[]> {
    return this.exclusive(async () => {
      const ack = await this.withRetries(sndNke(address), "ack", `SND_NKE to ${address}`);
      if (!ack) throw new ReadoutError("NO_ANSWER", `no answer from primary address ${address}`);
      this.fcb.reset(address);
      return this.readTelegrams(address, `primary address ${address}`);
    });
  }

  /** Secondary address read-out: select (E5), then REQ_UD2 to 0xFD until the last telegram. */
  readSecondary(pattern: SecondaryPattern): Promise<LongFrame[]> {
    return this.exclusive(async () => {
      const label = `secondary address ${pattern.id ?? "*"}`;
      const ack = await this.withRetries(selectSecondary(pattern), "ack", `selection of ${label}`);
      if (!ack) throw new ReadoutError("NO_ANSWER", `no answer from ${label}`);
      this.fcb.reset(ADDRESS.NETWORK_LAYER);
      return this.readTelegrams(ADDRESS.NETWORK_LAYER, label);
    });
  }

  /**
   * Probes a secondary pattern: "none" (no E5), "single" (one slave answered REQ_UD2 cleanly, returned),
   * "collision" (an answer was garbled: several slaves match).
   */
  private async probe(pattern: SecondaryPattern): Promise<{ result: ProbeResult; frame?: LongFrame }> {
    const sel = await this.once(selectSecondary(pattern), "ack");
    if (!sel.frame) return { result: sel.garbled ? "collision" : "none" };
    this.fcb.reset(ADDRESS.NETWORK_LAYER);
    const rsp = await this.once(this.fcb.reqUd2(ADDRESS.NETWORK_LAYER), "long");
    if (rsp.frame?.kind === "long" && !rsp.garbled) return { result: "single", frame: rsp.frame };
    return { result: rsp.garbled || !rsp.frame ? "collision" : "none" };
  }

  /**
   * Secondary address scan (EN 13757-3 clause 11, wildcard selection): for each id position, try the
   * digits 0-9 with the rest as wildcards; a clean single answer is a meter found, a collision means
   * several ids share the prefix, so the next position is tried under it. Bounded by 8 positions.
   */
  scan(onFound?: (frame: LongFrame) => void): Promise<LongFrame[]> {
    return this.exclusive(async () => {
      const found: LongFrame[] = [];
      const walk = async (prefix: string): Promise<void> => {
        for (let d = 0; d <= 9; d++) {
          if (this.stopped) return;
          const id = (prefix + String(d)).padEnd(8, "F");
          const p = await this.probe({ id });
          if (p.result === "single" && p.frame) {
            found.push(p.frame);
            onFound?.(p.frame);
          } else if (p.result === "collision" && prefix.length < 7) await walk(prefix + String(d));
        }
      };
      await walk("");
      // leave every slave deselected (SND_NKE to the network layer address)
      await this.once(sndNke(ADDRESS.NETWORK_LAYER), "ack").catch(() => undefined);
      return found;
    });
  }
}
