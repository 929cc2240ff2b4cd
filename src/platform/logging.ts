// Logging with winston: a daily-rotated file in the platform's log folder (technical detail, always
// at debug level) and the console (warnings, or everything with --verbose).
import * as fs from 'fs';
import * as winston from 'winston';
import DailyRotateFile from 'winston-daily-rotate-file';
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

export function createLogger(options: LoggingOptions = {}): winston.Logger {
  const dir = options.dir ?? appPaths().log;
  fs.mkdirSync(dir, { recursive: true });
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
    current = winston.createLogger({
      level: process.env.IFC_RS_LOG_LEVEL ?? 'warn',
      transports: [new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'], format: winston.format.simple() })],
    });
  }
  return current;
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
