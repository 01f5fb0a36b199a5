/**
 * D0 line, the reader as the requesting side in mode C (IEC 62056-21 clause 6.4.5), every
 * `pollIntervalS`: at 300 baud 7E1 it sends the sign-on `/?address!CR LF`; the meter's identification
 * names its highest baud rate (Z); the reader acknowledges with the option select `ACK 0 Z 0 CR LF`,
 * switches its line to that rate once the ACK has left (the link's `setBaudRate`; over TCP there is no
 * line speed and the switch is a no-op), and reads the data block to ETX BCC. The protocol itself is
 * @omdp/d0's pure state machine (startReader / feedReader); this file only performs its actions and
 * owns the timers. A readout that does not end within `d0.answerTimeoutS` counts as a timeout; then, and
 * after every readout, the line goes back to 300 baud for the next sign-on.
 */
import {
  feedReader,
  INITIAL_BAUD,
  type ReaderAction,
  type ReaderState,
  startReader,
  toMeterReading,
} from "@omdp/d0";
import { D0_OTHER, D0_REFUSAL } from "./d0Pipeline";
import { ReaderError } from "./errors";
import { type PipelineDeps, type PipelineSink, RepeatFilter, soleMeter } from "./pipeline";

export interface D0RequestIo {
  write(bytes: Uint8Array): Promise<boolean>;
  setBaudRate(baud: number): Promise<boolean>;
  connected(): boolean;
}

export class D0Requester {
  private state: ReaderState | undefined;
  private timer: NodeJS.Timeout | undefined;
  private answerTimer: NodeJS.Timeout | undefined;
  private running = false;
  /** Actions run one after another (a baud switch must follow the ACK it belongs to). */
  private chain: Promise<unknown> = Promise.resolve();
  private readonly repeats = new RepeatFilter();
  /** The line speed last set (undefined until the first sign-on sets 300). */
  private baud: number | undefined;
  /** When the last send started (ms since the epoch). */
  private sentAt = 0;

  constructor(
    private readonly deps: PipelineDeps,
    private readonly io: D0RequestIo,
    private readonly sink: PipelineSink,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.endCycle();
    await this.chain;
  }

  /** The link came up: read at once rather than waiting a whole interval. */
  linkUp(): void {
    if (this.running && this.state === undefined) this.schedule(0);
  }

  linkDown(): void {
    this.endCycle();
    this.baud = undefined; // a new link starts at its configured speed
  }

  push(chunk: Buffer, receivedAt: Date): void {
    if (this.state === undefined) return; // nothing asked: bytes between readouts are noise
    const step = feedReader(this.state, chunk);
    this.state = step.state;
    this.perform(step.actions, receivedAt);
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.cycle();
      this.schedule(this.deps.config.pollIntervalS * 1000);
    }, ms);
  }

  private cycle(): void {
    if (this.state !== undefined || !this.io.connected()) return;
    const { address, maxBaud, answerTimeoutS, dataEnd } = this.deps.config.d0;
    const step = startReader({ address, maxBaud, dataEnd });
    this.state = step.state;
    this.answerTimer = setTimeout(() => {
      this.answerTimer = undefined;
      if (this.state === undefined) return;
      this.deps.diag.count("timeouts");
      const meter = soleMeter(this.deps.config);
      this.sink.error(
        new ReaderError("NO_ANSWER", `no complete D0 readout within ${answerTimeoutS} s of the sign-on`, {
          ...(meter ? { meterId: meter.id } : {}),
        }),
      );
      this.endCycle();
    }, answerTimeoutS * 1000);
    this.setBaud(INITIAL_BAUD);
    this.perform(step.actions, new Date());
  }

  private perform(actions: readonly ReaderAction[], receivedAt: Date): void {
    const meter = soleMeter(this.deps.config);
    for (const a of actions) {
      if (a.type === "send")
        this.enqueue(async () => {
          this.sentAt = Date.now();
          return this.io.write(a.bytes);
        });
      // the switch waits for the ACK's transmit time (a.afterMs from the start of its send: a PTY or a
      // USB adapter reports "drained" before the bytes are on the line, and serialport flushes both
      // queues on a speed change); the meter waits at least a.withinMs more before it answers
      else if (a.type === "switchBaud") this.setBaud(a.baud, a.afterMs);
      else if (a.type === "error") {
        const how = D0_REFUSAL[a.error.code] ?? D0_OTHER;
        this.deps.diag.count(how.counter);
        this.deps.diag.codecError("d0", a.error.code);
        this.sink.error(
          new ReaderError(how.code, `${a.error.code}: ${a.error.message}`, {
            offset: a.error.offset,
            ...(meter ? { meterId: meter.id } : {}),
          }),
        );
        this.endCycle();
      } else {
        this.deps.diag.count("framesOk");
        const reading = toMeterReading(
          { identification: a.identification, dataSets: a.message.dataSets },
          {
            ...(meter ? { meterId: meter.id } : {}),
            gatewayId: this.deps.config.gatewayId,
            transport: this.deps.transport,
            receivedAt,
          },
        );
        if (this.repeats.fresh(reading)) this.sink.reading(reading, 1);
        this.endCycle();
      }
    }
  }

  private enqueue(f: () => Promise<unknown>): void {
    this.chain = this.chain.then(f, f);
  }

  /** The readout is over (done, failed, timed out, link lost): back to 300 baud for the next sign-on. */
  private endCycle(): void {
    if (this.answerTimer) clearTimeout(this.answerTimer);
    this.answerTimer = undefined;
    if (this.state === undefined) return;
    this.state = undefined;
    this.setBaud(INITIAL_BAUD);
  }

  /**
   * Changes the line speed after what is queued, unless it is already set; `afterMs` from the start of
   * the last send at the earliest (bounded wait).
   */
  private setBaud(baud: number, afterMs = 0): void {
    if (this.baud === baud) return;
    this.baud = baud;
    this.enqueue(async () => {
      const wait = Math.min(2_000, this.sentAt + afterMs - Date.now());
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (!(await this.io.setBaudRate(baud))) this.baud = undefined; // retried at the next change
    });
  }
}
