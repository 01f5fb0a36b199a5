export {
  DurableOutbox,
  type OutboxEntry,
  type OutboxMessage,
  type OutboxStats,
} from "./durable-outbox";
export { OutboxSender, type SenderOptions, type SendFn } from "./outbox-sender";
export { type RetryOptions, SendRetry } from "./send-retry";
export { sendWindowed, slowStart, type WindowOptions } from "./send-window";
export { DEFAULT_OUTBOX_LIMITS, type OutboxLimits, OutboxSettings } from "./settings";
