/**
 * One way for every command-line tool (scripts/*.ts, the browser host) to read its arguments and to fail: a wrong
 * argument, a missing file or an unexpected error is one line on stderr and a non-zero exit, never a stack trace.
 */
import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit code for a wrong argument or missing input (1 stays free for "the tool ran and found a problem"). */
export const EXIT_USAGE = 2;

export interface CommandLine {
  /** The tool's name at the start of every error line, e.g. "decode". */
  tool: string;
  /** One line: the arguments the tool takes. */
  usage: string;
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/** Prints "<tool>: <message>" as one line and exits. */
export function die(cli: CommandLine, message: string, code = EXIT_USAGE): never {
  process.stderr.write(`${cli.tool}: ${oneLine(message)}\n`);
  process.exit(code);
}

/** Any error nobody caught ends the tool with its message in one line (exit 1), not with a stack trace. */
export function dieOnUnexpectedError(cli: CommandLine): void {
  const fail = (err: unknown) => die(cli, err instanceof Error ? err.message : String(err), 1);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
}

/** node:util parseArgs in strict mode; an unknown flag or a missing value ends the tool with the usage line. */
export function parseCommandLine<T extends Omit<ParseArgsConfig, 'args' | 'strict'>>(cli: CommandLine, config: T, args = process.argv.slice(2)) {
  try {
    return parseArgs({ ...config, args, strict: true });
  } catch (err) {
    return die(cli, `${(err as Error).message} (usage: ${cli.usage})`);
  }
}

/** A number from a flag, or the tool ends saying what the flag needs. */
export function numberArg(cli: CommandLine, flag: string, value: string | undefined, rule: { integer?: boolean; min?: number; max?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const min = rule.min ?? 0;
  const bad = value.trim() === '' || !Number.isFinite(n) || (rule.integer && !Number.isInteger(n)) || n < min || (rule.max !== undefined && n > rule.max);
  if (bad) {
    const range = rule.max !== undefined ? `between ${min} and ${rule.max}` : `at least ${min}`;
    die(cli, `--${flag} must be ${rule.integer ? 'a whole number' : 'a number'} ${range}, not '${value}'`);
  }
  return n;
}

/** A file that must exist and be a file. */
export function existingFile(cli: CommandLine, path: string): string {
  if (!existsSync(path)) die(cli, `no such file: ${path}`);
  if (!statSync(path).isFile()) die(cli, `not a file: ${path}`);
  return path;
}
