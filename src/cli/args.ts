/**
 * The one argument scanner of the command line: `--`, `-h/--help`, `-V/--version`, options with
 * a value (`--format json`, `--format=json`, `-f json`), flags, and the rest in order. Each
 * command says which options it has and what a value means; errors keep the first one found.
 */
import { fragmentFromFileName } from '../core/analyze';

export interface ArgSpec {
  /** Options that take a value, by long name: a short alias, and what to do with the value (an error, or nothing). */
  readonly values?: Readonly<Record<string, { readonly short?: string; readonly set: (value: string | undefined) => string | undefined }>>;
  /** Options without a value, by long name. */
  readonly flags?: Readonly<Record<string, () => void>>;
}

export interface Scanned {
  readonly positional: string[];
  readonly help: boolean;
  readonly version: boolean;
  readonly error?: string;
}

export function scanArgs(argv: readonly string[], spec: ArgSpec): Scanned {
  const positional: string[] = [];
  let help = false;
  let version = false;
  let error: string | undefined;
  let options = true;
  const values = Object.entries(spec.values ?? {});
  const flags = spec.flags ?? {};
  next: for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!options || !a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    if (a === '--') {
      options = false;
      continue;
    }
    if (a === '-h' || a === '--help') {
      help = true;
      continue;
    }
    if (a === '-V' || a === '--version') {
      version = true;
      continue;
    }
    for (const [name, { short, set }] of values) {
      if (a === `--${name}` || (short && a === `-${short}`)) {
        error ??= set(argv[++i]);
        continue next;
      }
      if (a.startsWith(`--${name}=`)) {
        error ??= set(a.slice(name.length + 3));
        continue next;
      }
    }
    const flag = a.startsWith('--') ? flags[a.slice(2)] : undefined;
    if (flag) {
      flag();
      continue;
    }
    error ??= `unknown option '${a}'`;
  }
  return { positional, help, version, ...(error ? { error } : {}) };
}

/** The positional arguments without the first occurrence of the command's own name. */
export function withoutCommand(positional: readonly string[], command: string): string[] {
  const at = positional.indexOf(command);
  return at < 0 ? [...positional] : [...positional.slice(0, at), ...positional.slice(at + 1)];
}

/** Options of any command that take a value: skipped when looking for the command's name. */
const VALUE_OPTIONS = new Set(['-f', '--format', '-o', '--out', '--previous', '--country', '--year']);

/** The command's name: the first argument that is not an option or an option's value. */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') return argv[i + 1];
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!(a.startsWith('-') && a !== '-')) return a;
  }
  return undefined;
}

/**
 * What every command does first: `--help` prints the usage, `--version` the version (exit 0);
 * a usage error (the scanner's, or the command's own `problem`) prints it with the usage (exit 2).
 * Returns the exit code when the command should stop there, else undefined.
 */
export function preamble(args: { help: boolean; version: boolean; error?: string }, io: { stdout(s: string): void; stderr(s: string): void },
  version: string, usage: string, problem?: string): number | undefined {
  if (args.help) {
    io.stdout(usage);
    return 0;
  }
  if (args.version) {
    io.stdout(`tip-lens ${version}\n`);
    return 0;
  }
  const error = args.error ?? problem;
  if (error) {
    io.stderr(`tip-lens: ${error}\n\n${usage}`);
    return 2;
  }
  return undefined;
}

/**
 * `--country NAME` and `--year YYYY` of every command: the country and report year of a fragment
 * (one section pasted alone, no title line). Without them, a file's name says (`nepal-2020.txt`);
 * a title in the text wins over both. `options(file)` gives what to analyze `file` with.
 */
export function fragmentArgs(): {
  readonly values: NonNullable<ArgSpec['values']>;
  given(): Fragment;
  options(file: string): Fragment;
} {
  let country: string | undefined;
  let year: number | undefined;
  return {
    values: {
      country: {
        set: (v) => {
          if (!v) return 'option --country needs a value: the country of a fragment';
          country = v;
          return undefined;
        },
      },
      year: {
        set: (v) => {
          if (!v || !/^(19|20)\d\d$/.test(v)) return `option --year needs a report year, such as 2021${v ? `, not '${v}'` : ''}`;
          year = Number(v);
          return undefined;
        },
      },
    },
    given: () => ({ ...(country ? { country } : {}), ...(year ? { year } : {}) }),
    options: (file) => fragmentOf(file, { ...(country ? { country } : {}), ...(year ? { year } : {}) }),
  };
}

type Fragment = { country?: string; year?: number };

/** A fragment's country and year: the flags, else the file's name (a title in the text wins over both). */
export function fragmentOf(file: string, given: Fragment): Fragment {
  const named = fragmentFromFileName(file);
  const country = given.country ?? named.country;
  const year = given.year ?? named.year;
  return { ...(country ? { country } : {}), ...(year ? { year } : {}) };
}
