#!/usr/bin/env node
/**
 * The saochep command line: `saochep scan`, `saochep check`, `saochep index`.
 * Exit codes: 0 done, 1 bad usage, 2 nothing could be read, 3 the work failed
 * (the report or index could not be written, or an unexpected error).
 */
import { parseArgs } from 'node:util';
import { VERSION } from '../version.js';
import { type CommandIo, checkCommand, indexCommand, scanCommand } from './commands.js';
import {
  CHECK_HELP,
  INDEX_HELP,
  MAIN_HELP,
  NothingReadError,
  SCAN_HELP,
  UsageError,
} from './usage.js';

const COMMANDS = {
  scan: {
    help: SCAN_HELP,
    run: scanCommand,
    options: {
      out: { type: 'string' },
      references: { type: 'string' },
      threshold: { type: 'string' },
      index: { type: 'string' },
      jobs: { type: 'string' },
      lang: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  check: {
    help: CHECK_HELP,
    run: checkCommand,
    options: {
      index: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
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
      help: { type: 'boolean', short: 'h' },
    },
  },
} as const;

/** Run the CLI with these arguments; resolves to the exit code. */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(MAIN_HELP);
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS[name as keyof typeof COMMANDS];
  try {
    if (!command) throw new UsageError(`unknown command "${name}".`);
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: command.options,
        allowPositionals: true,
        strict: true,
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    if (parsed.values.help === true) {
      io.stdout.write(command.help);
      return 0;
    }
    return await command.run(
      parsed.positionals,
      parsed.values as Record<string, string | boolean | undefined>,
      io,
    );
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

void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
);
