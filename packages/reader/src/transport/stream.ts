/**
 * In-process link: the reader reads from a function that attaches to a byte source (the simulator's
 * bus, a file replay). No OS port involved; the same pipeline as serial and TCP.
 */
import type { ByteLink, LinkFactory } from "./link";

export interface ByteSource {
  /** Connects: `deliver` gets the source's bytes; returns how to send bytes back and how to detach. */
  attach(deliver: (bytes: Buffer) => void): { input(bytes: Uint8Array): void; detach(): void };
}

export function streamLink(source: ByteSource, name = "in-process"): LinkFactory {
  return {
    describe: `stream:${name}`,
    kind: "stream",
    open: async (): Promise<ByteLink> => {
      const dataListeners: ((chunk: Buffer) => void)[] = [];
      const closeListeners: ((err?: Error) => void)[] = [];
      let closed = false;
      const att = source.attach((bytes) => {
        if (!closed) for (const l of dataListeners) l(Buffer.from(bytes));
      });
      return {
        write: async (bytes) => {
          if (closed) throw new Error("link closed");
          att.input(bytes);
        },
        close: async () => {
          if (closed) return;
          closed = true;
          att.detach();
          for (const l of closeListeners) l();
        },
        onData: (l) => dataListeners.push(l),
        onClose: (l) => closeListeners.push(l),
      };
    },
  };
}
