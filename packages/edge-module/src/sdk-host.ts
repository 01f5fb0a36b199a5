import type { Logger } from "@omdp/logger";
import type { Message } from "azure-iot-common";
import type { Twin } from "azure-iot-device";
import type { ZodType } from "zod";
import type { ClientPort } from "./client-port";
import { DesiredState } from "./desired";
import type { InboundMessage, MessageProperties, ModuleHost } from "./host";
import type { JsonObject } from "./merge-patch";
import { fromSdkMessage, toSdkMessage } from "./message";
import { dispatchMethod, type MethodEntry } from "./methods";

type InputHandler = (msg: InboundMessage) => Promise<void> | void;

interface DesiredListener {
  readonly name: string;
  readonly state: DesiredState<unknown>;
  readonly apply: (config: unknown) => Promise<void> | void;
  /** Serialises applies: a patch waits for the previous one. */
  chain: Promise<void>;
}

/** How long `close()` waits for in-flight work before closing the client anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * `ModuleHost` over an SDK client. Inputs are handled one message at a time per input (so order is
 * kept); sends and handlers are tracked so `close()` can let them finish.
 */
export class SdkModuleHost implements ModuleHost {
  private readonly inputs = new Map<string, InputHandler>();
  private readonly inputChains = new Map<string, Promise<void>>();
  private readonly methods = new Map<string, MethodEntry>();
  private readonly desired: DesiredListener[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private twin: Twin | undefined;
  private listening = false;
  private closing = false;
  private closed = false;
  private linkUp = false;

  constructor(
    private readonly port: ClientPort,
    readonly deviceId: string,
    readonly moduleId: string,
    private readonly log: Logger,
  ) {}

  /** Opens the connection and reads the twin (desired properties arrive through `onDesired`). */
  async open(): Promise<void> {
    this.port.onLinkState((up) => {
      this.linkUp = up;
    });
    await this.port.open();
    this.linkUp = true;
    this.twin = await this.port.getTwin();
    this.twin.on("properties.desired", (patch: JsonObject) => this.onDesiredPatch(patch));
  }

  /** Re-opens after the SDK gave up, then re-reads the twin (patches missed meanwhile are applied). */
  async reopen(): Promise<void> {
    await this.port.open();
    this.linkUp = true;
    await this.port.getTwin();
  }

  /** Called when the SDK reports the connection lost for good (its own retries exhausted). */
  onConnectionLost(cb: (err: unknown) => void): void {
    this.port.onConnectionEvent("disconnect", (reason) => {
      if (!this.closed) cb(reason);
    });
    this.port.onConnectionEvent("error", (err) => this.log.warn("client error", { error: err }));
  }

  isConnected(): boolean {
    return this.linkUp && !this.closed;
  }

  get isClosing(): boolean {
    return this.closing;
  }

  async send(output: string, body: unknown, properties?: MessageProperties): Promise<void> {
    if (this.closed) throw new Error(`send on '${output}' after close`);
    await this.track(this.port.send(output, toSdkMessage(body, properties)));
  }

  onInput(input: string, handler: InputHandler): void {
    this.inputs.set(input, handler);
    if (!this.listening) {
      this.listening = true;
      this.port.onInput((name, msg) => this.enqueueInput(name, msg));
    }
  }

  onDesired<T>(schema: ZodType<T>, apply: (config: T) => Promise<void> | void): void {
    const listener: DesiredListener = {
      name: `desired#${this.desired.length}`,
      state: new DesiredState<unknown>(schema as ZodType<unknown>),
      apply: apply as (config: unknown) => Promise<void> | void,
      chain: Promise.resolve(),
    };
    this.desired.push(listener);
    const initial = (this.twin?.properties.desired ?? {}) as JsonObject;
    this.offerDesired(listener, initial);
  }

  async report(patch: Record<string, unknown>): Promise<void> {
    const twin = this.twin;
    if (!twin) throw new Error("report before the twin was read");
    await this.track(
      new Promise<void>((resolve, reject) =>
        twin.properties.reported.update(patch, (err?: Error) => (err ? reject(err) : resolve())),
      ),
    );
  }

  onMethod<T>(name: string, schema: ZodType<T>, handler: (payload: T) => Promise<unknown> | unknown): void {
    this.methods.set(name, {
      schema: schema as ZodType<unknown>,
      handler: handler as (p: unknown) => unknown,
    });
    this.port.onMethod(name, (req, res) => {
      const work = dispatchMethod(this.methods, name, req.payload).then(
        (result) =>
          new Promise<void>((resolve) =>
            res.send(result.status, result.payload, (err?: Error) => {
              if (err) this.log.warn("method response not sent", { method: name, error: err });
              resolve();
            }),
          ),
      );
      this.log.debug("method invoked", { method: name });
      void this.track(work);
    });
  }

  /** Stops taking new input, lets queued handlers and sends finish (bounded), then closes. */
  async drainInputs(): Promise<void> {
    this.closing = true;
    if (this.listening) this.port.offInput();
    await this.waitIdle();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.drainInputs();
    this.closed = true;
    await this.port.close();
  }

  private enqueueInput(input: string, msg: Message): void {
    if (this.closing) {
      this.log.warn("input message arrived while closing; dropped", { input, messageId: msg.messageId });
      return;
    }
    const prev = this.inputChains.get(input) ?? Promise.resolve();
    const next = prev.then(() => this.handleInput(input, msg));
    this.inputChains.set(input, next);
    void this.track(next);
  }

  private async handleInput(input: string, msg: Message): Promise<void> {
    const handler = this.inputs.get(input);
    try {
      if (!handler) this.log.warn("message on an input without handler", { input });
      else await handler(fromSdkMessage(input, msg));
    } catch (err) {
      this.log.error("input handler failed", { input, messageId: msg.messageId, error: err });
    }
    try {
      await this.port.complete(msg);
    } catch (err) {
      this.log.warn("complete failed", { input, error: err });
    }
  }

  private onDesiredPatch(patch: JsonObject): void {
    for (const listener of this.desired) this.offerDesired(listener, patch);
  }

  private offerDesired(listener: DesiredListener, patch: JsonObject): void {
    const version = typeof patch.$version === "number" ? patch.$version : undefined;
    listener.chain = listener.chain.then(async () => {
      const outcome = listener.state.offer(patch);
      if (!outcome.ok) {
        this.log.warn("desired properties rejected", { error: outcome.error, version });
        await this.safeReport({
          config: { status: "rejected", error: outcome.error, version, at: new Date().toISOString() },
        });
        return;
      }
      if (!outcome.changed) return;
      try {
        await listener.apply(outcome.config);
        await this.safeReport({
          config: { status: "applied", error: null, version, at: new Date().toISOString() },
        });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        this.log.error("applying desired properties failed", { error: err });
        await this.safeReport({
          config: { status: "failed", error: message, version, at: new Date().toISOString() },
        });
      }
    });
    void this.track(listener.chain);
  }

  private async safeReport(patch: Record<string, unknown>): Promise<void> {
    if (this.closed) return;
    try {
      await this.report(patch);
    } catch (err) {
      this.log.warn("reported properties not updated", { error: err });
    }
  }

  private track<T>(p: Promise<T>): Promise<T> {
    const settled = p.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return p;
  }

  private async waitIdle(): Promise<void> {
    const deadline = Date.now() + DRAIN_TIMEOUT_MS;
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      const timeout = new Promise((r) => setTimeout(r, Math.max(1, deadline - Date.now())));
      await Promise.race([Promise.all([...this.inFlight]), timeout]);
    }
    if (this.inFlight.size > 0)
      this.log.warn("closing with work still in flight", { count: this.inFlight.size });
  }
}
