/**
 * Serial adapter (serialport 13). Defaults: 2400 baud 8E1 for an M-Bus master (level converter), as
 * EN 13757-2 prescribes even parity; the Austrian customer interface (P1 / "Kundenschnittstelle") uses
 * 2400 8N1. A PTY keeps the baud rate but ignores parity and data bits.
 */
import { SerialPort } from "serialport";
import { type ByteLink, type LinkFactory, LinkOpenError } from "./link";

export interface SerialOptions {
  readonly path: string;
  readonly baudRate?: number;
  readonly dataBits?: 7 | 8;
  readonly parity?: "none" | "even" | "odd";
  readonly stopBits?: 1 | 2;
}

/** The usual line settings by role. */
export const SERIAL_PRESETS = {
  /** EN 13757-2 master via a level converter: 2400 8E1. */
  mbusMaster: { baudRate: 2400, dataBits: 8, parity: "even", stopBits: 1 },
  /** Austrian smart meter customer interface (M-Bus frames, push): 2400 8N1. */
  customerInterface: { baudRate: 2400, dataBits: 8, parity: "none", stopBits: 1 },
  /** DSMR 4.0 to 5.0.2 P1 port (DSMR 5.0.2 clause 5.6 / 4.0.7 clause 5.5): 115200 8N1. */
  p1: { baudRate: 115200, dataBits: 8, parity: "none", stopBits: 1 },
  /** DSMR 2.2 and 3.0 P1 port: 9600 7E1. */
  p1Dsmr22: { baudRate: 9600, dataBits: 7, parity: "even", stopBits: 1 },
  /** SML over the optical interface of German meters (eHZ, FNN Lastenheft): 9600 8N1. */
  sml: { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 },
  /** IEC 62056-21 clause 6.3: sign-on at 300 baud, 7 data bits, even parity, 1 stop bit. */
  d0: { baudRate: 300, dataBits: 7, parity: "even", stopBits: 1 },
  /** Push-only D0 meters (Hager EHZ and other eHZ): 9600 7E1. */
  d0Push: { baudRate: 9600, dataBits: 7, parity: "even", stopBits: 1 },
  /** IMST iM871A-USB (WMBus HCI): 57600 8N1. */
  im871a: { baudRate: 57600, dataBits: 8, parity: "none", stopBits: 1 },
  /** Amber AMB8465-M USB stick (UART command mode, factory setting): 9600 8N1. */
  amb8465: { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 },
  /** rtl_wmbus lines through a serial bridge or PTY (text; the rate is the bridge's): 115200 8N1. */
  rtlwmbus: { baudRate: 115200, dataBits: 8, parity: "none", stopBits: 1 },
} as const;

export type SerialPreset = keyof typeof SERIAL_PRESETS;

export function serialLink(opts: SerialOptions): LinkFactory {
  const target = `serial:${opts.path}`;
  return {
    describe: target,
    kind: "serial",
    open: () =>
      new Promise((resolve, reject) => {
        const port = new SerialPort({
          path: opts.path,
          baudRate: opts.baudRate ?? 2400,
          dataBits: opts.dataBits ?? 8,
          parity: opts.parity ?? "even",
          stopBits: opts.stopBits ?? 1,
          autoOpen: false,
          hupcl: false,
        });
        port.open((err) => {
          if (err) return reject(new LinkOpenError(target, err.message));
          resolve(portLink(port));
        });
      }),
  };
}

function portLink(port: SerialPort): ByteLink {
  const closeListeners: ((err?: Error) => void)[] = [];
  let closed = false;
  let failure: Error | undefined;
  const fire = () => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l(failure);
  };
  port.on("error", (err: Error) => {
    failure = err;
    if (!port.isOpen) fire();
  });
  port.on("close", (err?: Error | null) => {
    if (err) failure = err;
    fire();
  });
  return {
    write: (bytes) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error("link closed"));
        port.write(Buffer.from(bytes), (err) => {
          if (err) return reject(err);
          port.drain((e) => (e ? reject(e) : resolve()));
        });
      }),
    close: () =>
      new Promise((resolve) => {
        if (closed || !port.isOpen) {
          fire();
          return resolve();
        }
        port.close(() => {
          fire();
          resolve();
        });
      }),
    onData: (l) => port.on("data", l),
    onClose: (l) => closeListeners.push(l),
    setBaudRate: (baud) =>
      new Promise((resolve, reject) => {
        if (closed) return reject(new Error("link closed"));
        port.update({ baudRate: baud }, (err) => (err ? reject(err) : resolve()));
      }),
  };
}
