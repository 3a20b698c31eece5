/** Where a command writes: standard output for results, standard error for problems. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text + '\n'),
  err: (text) => void process.stderr.write(text + '\n'),
};

/** A `sunshine` command (or export): its usage, what it does, and how it runs, returning the exit status. */
export interface Command {
  readonly usage: string;
  /** What it does: Chinese first, then English, a line each (wrapped for a terminal). */
  readonly lines: readonly string[];
  /** Each option explained, for `sunshine <command> --help`, where the command has options worth more than a word. */
  readonly options?: string;
  readonly run: (args: string[], io: Io, env: NodeJS.ProcessEnv) => Promise<number> | number;
}

/** The usage, then what it does indented below it, as `sunshine --help` lists commands. */
export function describeCommand(command: Command): string {
  return [command.usage, ...command.lines.map((line) => `    ${line}`)].join('\n  ');
}
