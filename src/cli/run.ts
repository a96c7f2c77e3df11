import { readFileSync } from 'node:fs';
import { detectTipReport } from '../core/detect';

/** The command line's entry point, separate from `main` so tests can call it. */
export async function run(argv: string[]): Promise<number> {
  const [command, ...files] = argv;
  if (command !== 'detect' || files.length === 0) {
    process.stderr.write('usage: tip-lens detect FILE...\n');
    return 2;
  }
  for (const f of files) process.stdout.write(`${f}: ${detectTipReport(readFileSync(f, 'utf8')).reason}\n`);
  return 0;
}
