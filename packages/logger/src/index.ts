export { createLogger, type Level, type Logger, type LoggerOptions } from "./logger";
export { redact, redactText } from "./redact";
