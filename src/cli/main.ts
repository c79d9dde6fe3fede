#!/usr/bin/env node
/**
 * The saochep command line: `saochep scan`, `saochep check`, `saochep index`,
 * `saochep serve`.
 * Exit codes: 0 done, 1 bad usage, 2 nothing could be read, 3 the work failed
 * (the report or index could not be written, or an unexpected error), 4 the
 * checked plan scores at or above --fail-above, 130 stopped by SIGINT (143 SIGTERM).
 */
import { VERSION } from '../version.js';
import { type OptionSpec, parseCommandArgs } from './args.js';
import { type CommandIo, checkCommand, indexCommand, scanCommand } from './commands.js';
import { INDEX_OPTION_SPECS } from './index-options.js';
import { LIMIT_OPTION_SPECS } from './limit-options.js';
import { OCR_OPTION_SPECS } from './ocr-options.js';
import { exitCleanlyOnSignals } from './interrupt.js';
import { serveCommand } from './serve-command.js';
import {
  CHECK_HELP,
  INDEX_HELP,
  MAIN_HELP,
  NothingReadError,
  SCAN_HELP,
  SERVE_HELP,
  UsageError,
} from './usage.js';

const HELP: OptionSpec = { type: 'boolean', short: 'h' };

const COMMANDS: Record<
  string,
  {
    help: string;
    run: typeof scanCommand;
    options: Readonly<Record<string, OptionSpec>>;
  }
> = {
  scan: {
    help: SCAN_HELP,
    run: scanCommand,
    options: {
      out: { type: 'string' },
      references: { type: 'string' },
      'copied-at': { type: 'string' },
      threshold: { type: 'string' },
      index: { type: 'string' },
      jobs: { type: 'string' },
      lang: { type: 'string' },
      quiet: { type: 'boolean' },
      ...OCR_OPTION_SPECS,
      ...INDEX_OPTION_SPECS,
      ...LIMIT_OPTION_SPECS,
      help: HELP,
    },
  },
  check: {
    help: CHECK_HELP,
    run: checkCommand,
    options: {
      index: { type: 'string' },
      'fail-above': { type: 'string' },
      limit: { type: 'string' },
      'only-earlier': { type: 'boolean' },
      'same-day': { type: 'boolean' },
      date: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      ...LIMIT_OPTION_SPECS,
      ...OCR_OPTION_SPECS,
      help: HELP,
    },
  },
  index: {
    help: INDEX_HELP,
    run: indexCommand,
    options: {
      out: { type: 'string' },
      add: { type: 'boolean' },
      references: { type: 'string' },
      jobs: { type: 'string' },
      quiet: { type: 'boolean' },
      ...OCR_OPTION_SPECS,
      ...INDEX_OPTION_SPECS,
      ...LIMIT_OPTION_SPECS,
      help: HELP,
    },
  },
  serve: {
    help: SERVE_HELP,
    run: serveCommand,
    options: {
      index: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'token-file': { type: 'string' },
      'allow-unauthenticated-writes': { type: 'boolean' },
      'body-limit': { type: 'string' },
      'time-limit': { type: 'string' },
      'snapshot-interval': { type: 'string' },
      jobs: { type: 'string' },
      help: HELP,
    },
  },
};

/** Run the CLI with these arguments; resolves to the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(MAIN_HELP);
    return 1;
  }
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.stdout.write(MAIN_HELP);
    return 0;
  }
  if (name === '--version' || name === '-V' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (name === 'help') {
    const command = Object.hasOwn(COMMANDS, rest[0]) ? COMMANDS[rest[0]] : undefined;
    if (!command || rest.length > 1) {
      io.stderr.write(
        `saochep: help takes one command: scan, check, index or serve, got "${rest.join(' ')}".\n\n${MAIN_HELP}`,
      );
      return 1;
    }
    io.stdout.write(command.help);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (!command)
      throw new UsageError(
        name.startsWith('-')
          ? `unknown option ${name}: give a command first (scan, check, index or serve).`
          : `unknown command "${name}": the commands are scan, check, index and serve.`,
      );
    const parsed = parseCommandArgs(name, rest, command.options);
    if (parsed.values.help === true) {
      io.stdout.write(command.help);
      return 0;
    }
    return await command.run(parsed.positionals, parsed.values, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`saochep: ${error.message}\n\n${command ? command.help : MAIN_HELP}`);
      return 1;
    }
    if (error instanceof NothingReadError) {
      io.stderr.write(`saochep: ${error.message}\n`);
      return 2;
    }
    const e = error as { code?: string; message?: string };
    io.stderr.write(`saochep: ${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}\n`);
    return 3;
  }
}

exitCleanlyOnSignals(process.stderr);
void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
