/** TCP adapter: an M-Bus/TCP gateway (or the simulator) passes the bus bytes through a socket. */
import { connect, type Socket } from "node:net";
import { type ByteLink, type LinkFactory, LinkOpenError } from "./link";

export interface TcpOptions {
  readonly host: string;
  readonly port: number;
  /** Connect timeout, ms (default 5000). */
  readonly connectTimeoutMs?: number;
}

function socketLink(socket: Socket): ByteLink {
  const closeListeners: ((err?: Error) => void)[] = [];
  let closed = false;
  let failure: Error | undefined;
  socket.on("error", (err) => {
    failure = err;
  });
  socket.on("close", () => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l(failure);
  });
  return {
    write: (bytes) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error("link closed"));
        socket.write(bytes, (err) => (err ? reject(err) : resolve()));
      }),
    close: () =>
      new Promise((resolve) => {
        if (closed || socket.destroyed) return resolve();
        socket.once("close", () => resolve());
        socket.destroy();
      }),
    onData: (l) => socket.on("data", l),
    onClose: (l) => closeListeners.push(l),
  };
}

export function tcpLink(opts: TcpOptions): LinkFactory {
  const target = `tcp:${opts.host}:${opts.port}`;
  return {
    describe: target,
    kind: "tcp",
    open: () =>
      new Promise((resolve, reject) => {
        const socket = connect({ host: opts.host, port: opts.port, noDelay: true });
        const timer = setTimeout(() => {
          socket.destroy();
          reject(new LinkOpenError(target, "connect timeout"));
        }, opts.connectTimeoutMs ?? 5000);
        socket.once("error", (err) => {
          clearTimeout(timer);
          socket.destroy();
          reject(new LinkOpenError(target, err.message));
        });
        socket.once("connect", () => {
          clearTimeout(timer);
          socket.removeAllListeners("error");
          socket.setKeepAlive(true, 10_000);
          resolve(socketLink(socket));
        });
      }),
  };
}
