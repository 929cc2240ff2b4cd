// src/core cannot depend on the platform logger (winston lives above it): the composition root
// passes a logger in; until then technical detail goes to the console.
export interface OperationLog {
  info(message: string, detail?: Record<string, unknown>): void;
  warn(message: string, detail?: Record<string, unknown>): void;
  error(message: string, detail?: Record<string, unknown>): void;
}

export const consoleLog: OperationLog = {
  // eslint-disable-next-line no-console
  info: () => undefined,
  // eslint-disable-next-line no-console
  warn: (message, detail) => console.warn(message, detail ?? ''),
  // eslint-disable-next-line no-console
  error: (message, detail) => console.error(message, detail ?? ''),
};
