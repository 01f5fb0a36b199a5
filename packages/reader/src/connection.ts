/**
 * Keeps one link open: opens it, hands its bytes on, and when the port vanishes (USB adapter unplugged,
 * PTY closed) or the peer closes, opens it again after a capped exponential backoff. A link that held for
 * `stableMs` resets the backoff; one that drops at once keeps growing it, so a flapping peer is never
 * hammered.
 */
import { Backoff, type BackoffOptions } from "./backoff";
import type { ByteLink, LinkFactory } from "./transport/link";

export interface ConnectionEvents {
  data(chunk: Buffer): void;
  up(): void;
  /** The link was lost (or could not be opened); `retryInMs` is the backoff delay. */
  down(reason: string, retryInMs: number): void;
}

export interface ConnectionOptions extends BackoffOptions {
  /** A link that stayed open this long resets the backoff (default 5000 ms). */
  readonly stableMs?: number;
}

export class Connection {
  private link: ByteLink | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private openedAt = 0;
  private readonly backoff: Backoff;
  private reconnects = 0;

  constructor(
    readonly factory: LinkFactory,
    private readonly events: ConnectionEvents,
    private readonly opts: ConnectionOptions = {},
  ) {
    this.backoff = new Backoff(opts);
  }

  get connected(): boolean {
    return this.link !== undefined;
  }

  /** How often the link was lost and opened again. */
  get reconnectCount(): number {
    return this.reconnects;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.open();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const link = this.link;
    this.link = undefined;
    if (link) await link.close();
  }

  /** Writes to the open link; false when there is none (the caller's retry logic decides). */
  async write(bytes: Uint8Array): Promise<boolean> {
    const link = this.link;
    if (!link) return false;
    try {
      await link.write(bytes);
      return true;
    } catch {
      return false;
    }
  }

  /** Changes the open link's line speed; a link without one (TCP, stream) ignores it. False without a link. */
  async setBaudRate(baud: number): Promise<boolean> {
    const link = this.link;
    if (!link) return false;
    try {
      await link.setBaudRate?.(baud);
      return true;
    } catch {
      return false;
    }
  }

  private async open(): Promise<void> {
    if (!this.running) return;
    let link: ByteLink;
    try {
      link = await this.factory.open();
    } catch (err) {
      this.scheduleRetry((err as Error).message);
      return;
    }
    if (!this.running) {
      await link.close();
      return;
    }
    this.link = link;
    this.openedAt = Date.now();
    link.onData((chunk) => {
      if (this.link === link) this.events.data(chunk);
    });
    link.onClose((err) => {
      if (this.link !== link) return;
      this.link = undefined;
      if (Date.now() - this.openedAt >= (this.opts.stableMs ?? 5000)) this.backoff.reset();
      this.reconnects++;
      this.scheduleRetry(err ? err.message : "closed by peer");
    });
    this.events.up();
  }

  private scheduleRetry(reason: string): void {
    if (!this.running) return;
    const delay = this.backoff.next();
    this.events.down(reason, delay);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.open();
    }, delay);
  }
}
