import { CommanderError } from 'commander';
import { StackscopeError, type ErrorCode } from '../contract/errors.js';

/**
 * How every `stackscope` command ends, whichever it is (the README's "Exit codes" table): a
 * script can branch on the number without knowing which command gave it.
 */
export const EXIT = {
  /** Done. `run`: no finding is critical. */
  OK: 0,
  /**
   * Could not run, or what ran failed: a node unreachable, a login refused, a host key changed, a
   * timeout, a command that failed on a node (`exec`), a run cancelled or incomplete, an `--out`
   * that cannot be written, a lab that would not come up or is not healthy.
   */
  FAILED: 1,
  /**
   * Bad input, nothing ran: usage, a value the contract refuses, an unknown cluster, node, case or
   * playbook, a playbook that does not load, a question answered no, a data dir or case log that
   * cannot be used (damaged included).
   */
  BAD_INPUT: 2,
  /** `run`, `check`: at least one finding is critical. */
  CRITICAL: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Every error code of the contract has its row: adding a code fails to compile until it is placed. */
const byErrorCode: Record<ErrorCode, ExitCode> = {
  INVALID_INPUT: EXIT.BAD_INPUT,
  NOT_FOUND: EXIT.BAD_INPUT,
  CONFLICT: EXIT.BAD_INPUT,
  // The CLI asks for every missing secret; this is left only when none was given.
  SECRET_REQUIRED: EXIT.BAD_INPUT,
  // Thrown to the CLI only when the operator says no (or cannot be asked) before anything ran; a
  // cancelled run ends by its state instead.
  CANCELLED: EXIT.BAD_INPUT,
  HOST_KEY_UNKNOWN: EXIT.FAILED,
  HOST_KEY_CHANGED: EXIT.FAILED,
  HOST_KEY_REVOKED: EXIT.FAILED,
  AUTH_FAILED: EXIT.FAILED,
  CONNECT_TIMEOUT: EXIT.FAILED,
  UNREACHABLE: EXIT.FAILED,
  CONNECTION_LOST: EXIT.FAILED,
  COMMAND_TIMEOUT: EXIT.FAILED,
  UNAUTHORIZED: EXIT.FAILED,
  UNAVAILABLE: EXIT.FAILED,
  INTERNAL: EXIT.FAILED,
};

/**
 * An error whose exit code was decided where it was raised, because its code alone would say
 * otherwise (a case log that cannot be opened is bad input whatever the reason).
 */
export class ExitError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExitError';
  }
}

/** The exit code of a command that threw `err`; anything unforeseen (a lab tool failing, a file system error) could not run. */
export function exitCodeOf(err: unknown): ExitCode {
  if (err instanceof ExitError) return err.exitCode;
  // commander has already printed the usage error (or the help or version it was asked for).
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.BAD_INPUT;
  if (err instanceof StackscopeError) return byErrorCode[err.code] ?? EXIT.FAILED;
  return EXIT.FAILED;
}
