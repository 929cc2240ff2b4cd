// Logging with winston: a daily-rotated file in the platform's log folder (technical detail, always
// at debug level) and the console (warnings, or everything with --verbose). winston is loaded when
// the first logger is made, not with this file: it costs ~40 ms, and most CLI runs log nothing.
import * as fs from 'fs';
import type * as winston from 'winston';
import type { OperationLog } from '../core/operations/operation-log';
import { appPaths } from './paths';
import { terminalSafe } from './terminal-text';

export interface LoggingOptions {
  verbose?: boolean;
  /** Log folder; defaults to the platform's. */
  dir?: string;
  /** Console output at all (the CLI keeps stderr for its progress bar). */
  console?: boolean;
}

let current: winston.Logger | undefined;

function loadWinston(): typeof winston {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('winston') as typeof winston;
}

export function createLogger(options: LoggingOptions = {}): winston.Logger {
  const dir = options.dir ?? appPaths().log;
  fs.mkdirSync(dir, { recursive: true });
  const winston = loadWinston();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const DailyRotateFile = require('winston-daily-rotate-file') as typeof import('winston-daily-rotate-file');
  const fileTransport = new DailyRotateFile({
    dirname: dir,
    filename: 'ifc-room-schedule-%DATE%.log',
    datePattern: 'YYYY-MM-DD',
    maxFiles: '14d',
    maxSize: '20m',
    level: 'debug',
    format: winston.format.combine(winston.format.timestamp(), winston.format.errors({ stack: true }), winston.format.json()),
  });
  const transports: winston.transport[] = [fileTransport];
  if (options.console !== false) {
    transports.push(
      new winston.transports.Console({
        level: options.verbose ? 'debug' : 'warn',
        stderrLevels: ['error', 'warn', 'info', 'debug'],
        format: winston.format.combine(winston.format.colorize(), winston.format.simple()),
      }),
    );
  }
  const logger = winston.createLogger({ level: 'debug', transports });
  // A full or read-only log disk must not take the app down (an unhandled 'error' would): the log
  // file stops, once, with a line on stderr saying why; everything else goes on.
  let reported = false;
  const onLogFileError = (e: Error) => {
    if (reported) return;
    reported = true;
    process.stderr.write(`ifc-room-schedule: the log file in ${terminalSafe(dir)} cannot be written (${terminalSafe(e.message)}); logging to it stops.\n`);
  };
  fileTransport.on('error', onLogFileError);
  // The transport does not listen to its own file stream's errors (winston-daily-rotate-file 5):
  // without this, ENOSPC on the log disk was an uncaught 'error' event that ended the process.
  (fileTransport as unknown as { logStream?: NodeJS.EventEmitter }).logStream?.on('error', onLogFileError);
  logger.on('error', onLogFileError);
  current = logger;
  return logger;
}

/** The app's logger; a console-only one until createLogger() ran (library code and tests). */
export function log(): winston.Logger {
  if (!current) {
    const winston = loadWinston();
    current = winston.createLogger({
      level: process.env.IFC_RS_LOG_LEVEL ?? 'warn',
      transports: [new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'], format: winston.format.simple() })],
    });
  }
  return current;
}

/**
 * The log file as an OperationLog, made by createLogger on the first entry. When the log folder
 * cannot be made (read-only home, sandbox) the entries are dropped: the command still works.
 */
export function deferredFileLog(options: LoggingOptions): OperationLog {
  let target: OperationLog | undefined;
  const write = (level: keyof OperationLog) => (message: string, detail?: Record<string, unknown>) => {
    if (!target) {
      try {
        const logger = createLogger(options);
        target = { info: (m, d) => logger.info(m, d), warn: (m, d) => logger.warn(m, d), error: (m, d) => logger.error(m, d) };
      } catch {
        target = { info: () => undefined, warn: () => undefined, error: () => undefined };
      }
    }
    target[level](message, detail);
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** Flushes and closes the file transport (call before exit so the last lines reach the file). */
export function closeLogger(): Promise<void> {
  const logger = current;
  current = undefined;
  if (!logger) return Promise.resolve();
  return new Promise((resolve) => {
    logger.on('finish', () => resolve());
    logger.end();
    setTimeout(resolve, 500).unref();
  });
}
