import { Command, CommanderError } from 'commander';
import { StackscopeError } from '../contract/errors.js';
import type { Core } from '../core/core.js';
import { explainDataDirError, resolveDataDir } from '../core/paths.js';
import { answerAuthPromptsOnTerminal } from './auth-prompt.js';
import { caseCommands } from './case-command.js';
import { checkCommand } from './check-command.js';
import type { Client } from './client.js';
import { execCommand } from './exec-command.js';
import { EXIT, exitCodeOf, type ExitCode } from './exit-codes.js';
import { terminalSafe } from './format.js';
import { importCommand } from './import-command.js';
import { inventoryCommands } from './inventory-command.js';
import { labCommand } from './lab-command.js';
import { caseLogDamaged, openCore } from './open-core.js';
import { playbookCommands } from './playbook-command.js';
import { reportCommand } from './report-command.js';
import { serveCommand } from './serve.js';

interface GlobalOptions {
  dataDir?: string;
  connectTimeout?: string;
}

export function buildProgram(io: { exit: (code: ExitCode) => void } = { exit: (c) => (process.exitCode = c) }): Command {
  const program = new Command('stackscope')
    .description('Troubleshoot OpenStack clusters over SSH; keeps every output in a local case log.')
    .option('--data-dir <dir>', 'where the case log and known host keys live (default: $STACKSCOPE_HOME or the per-user app-data folder)')
    .option('--connect-timeout <seconds>', 'SSH connect timeout', '10')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  const dataDir = (): string => resolveDataDir(program.opts<GlobalOptions>().dataDir);

  let core: Core | undefined;
  const open = (): Core => {
    if (core) return core;
    const g = program.opts<GlobalOptions>();
    const timeout = Number(g.connectTimeout ?? '10');
    if (!(timeout > 0)) throw new StackscopeError('INVALID_INPUT', `--connect-timeout must be a positive number of seconds, got "${g.connectTimeout}"`);
    core = openCore({ dataDir: dataDir(), mode: 'cli', connectTimeoutMs: timeout * 1000 });
    answerAuthPromptsOnTerminal(core);
    return core;
  };
  // Commands see the contract only. The core itself goes to `lab up` (main/lab registers the lab's
  // cluster) and to the report's JSON export streamed into a file (see report-command.ts).
  const client = (): Client => open();
  program.hook('postAction', async () => {
    await core?.close();
    core = undefined;
  });

  inventoryCommands(program, client);
  importCommand(program, client);
  execCommand(program, client, io.exit);
  caseCommands(program, client);
  playbookCommands(program, client, io.exit);
  checkCommand(program, client, io.exit);
  reportCommand(program, client, open);
  labCommand(program, open, dataDir, io.exit);
  serveCommand(program, dataDir);
  return program;
}

/** Run the CLI with `argv`; resolves with the exit code (see exit-codes.ts), never rejects. */
export async function main(argv = process.argv): Promise<ExitCode> {
  let code: ExitCode = EXIT.OK;
  const program = buildProgram({ exit: (c) => (code = c) });
  try {
    await program.parseAsync(argv);
    return code;
  } catch (err) {
    const dir = resolveDataDir(program.opts<GlobalOptions>().dataDir);
    // commander has printed its own message (or the help or version it was asked for).
    if (!(err instanceof CommanderError)) {
      // A damaged case log can first show at any query: name the file and the backup, whichever command hit it.
      const explained = explainDataDirError(dir, err);
      process.stderr.write(`stackscope: ${terminalSafe(explained instanceof Error ? explained.message : String(explained))}\n`);
      if (explained !== err || caseLogDamaged(explained, dir)) return EXIT.BAD_INPUT;
    }
    return exitCodeOf(err);
  }
}
