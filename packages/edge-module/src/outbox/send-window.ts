/**
 * Sends in order with a window of unacknowledged sends (an MQTT QoS 1 window: issued in order on one
 * connection, stored by the hub in arrival order), written once for the outbox senders. `acked` gets
 * the acknowledged prefix as it grows (never an item whose predecessor is not acknowledged yet). The
 * first failure stops the issuing; once the sends in flight settled it is returned, and nothing from the
 * failed item on was passed to `acked` (the caller retries from there).
 */
export interface WindowOptions<T> {
  /** Sends in flight at most (at least 1), asked before each send (a window may grow). */
  readonly window: number | (() => number);
  readonly send: (item: T) => Promise<void>;
  /** The acknowledged prefix grew by these items, in order. */
  readonly acked: (items: readonly T[]) => void;
  /** Checked before each send: true stops issuing (the sends in flight are not waited for). */
  readonly stopped: () => boolean;
}

export async function sendWindowed<T>(
  items: readonly T[],
  opts: WindowOptions<T>,
): Promise<{ error: unknown } | undefined> {
  const window = () => Math.max(1, Math.floor(typeof opts.window === "number" ? opts.window : opts.window()));
  const done: boolean[] = items.map(() => false);
  let failure: { error: unknown } | undefined;
  let acked = 0; // items [0, acked) were passed to `acked`
  let issued = 0;
  const inFlight = new Set<Promise<void>>();
  const ackPrefix = () => {
    const from = acked;
    while (acked < issued && done[acked]) acked++;
    if (acked > from) opts.acked(items.slice(from, acked));
  };
  const canIssue = () => !opts.stopped() && failure === undefined && issued < items.length;
  for (let guard = 0; guard <= 2 * items.length + 1; guard++) {
    while (canIssue() && inFlight.size < window()) {
      const i = issued++;
      const tracked: Promise<void> = opts
        .send(items[i]!)
        .then(
          () => {
            done[i] = true;
          },
          (error: unknown) => {
            failure ??= { error };
          },
        )
        .finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    if (inFlight.size === 0 || opts.stopped()) break;
    if (failure !== undefined) {
      // the sends still in flight settle first: the retry then starts from the failed item
      await Promise.all(inFlight);
      ackPrefix();
      break;
    }
    await Promise.race(inFlight);
    ackPrefix();
  }
  return failure;
}

/**
 * The window a sender may use now: one send at a time until one was acknowledged since the start or
 * the last failure, then `full`. While a client connects (or reconnects) the SDK may hold several sends
 * and let them out in another order; once one went through the link is up and sends leave in order.
 */
export function slowStart(backingOff: boolean, sentSinceFailure: number, full: number): number {
  return backingOff || sentSinceFailure === 0 ? 1 : full;
}
