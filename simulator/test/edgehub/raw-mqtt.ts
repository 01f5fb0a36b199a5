import { connect as tlsConnect } from "node:tls";

/** What the hub did with a raw byte sequence sent as the first bytes of a connection. */
export interface RawOutcome {
  /** The CONNACK return code, if the hub answered with a CONNACK (0 = accepted). */
  readonly connackCode?: number;
  /** The hub closed the connection. */
  readonly closed: boolean;
}

/**
 * Opens a TLS connection to the hub, writes `bytes` (optionally ending the stream), and resolves on the
 * first CONNACK or when the hub closes the connection; rejects after `ms` (a hub that neither answers
 * nor closes is a failure).
 */
export function sendRaw(
  port: number,
  ca: string,
  bytes: Buffer,
  { end = false, ms = 5_000 }: { end?: boolean; ms?: number } = {},
): Promise<RawOutcome> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host: "127.0.0.1", port, ca, servername: "localhost" });
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`hub neither answered nor closed within ${ms} ms`));
    }, ms);
    const finish = (outcome: RawOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    socket.once("secureConnect", () => {
      socket.write(bytes);
      if (end) socket.end();
    });
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      // CONNACK: fixed header 0x20, remaining length 2 (3.1.1) or more (5), flags, return code.
      if (received.length >= 4 && received[0] === 0x20) finish({ connackCode: received[3]!, closed: false });
    });
    socket.on("error", () => finish({ closed: true }));
    socket.on("close", () => finish({ closed: true }));
  });
}
