/**
 * The real narratives that some suites read: the seed (`mali-2020.txt`) in `../shared/corpus/`
 * beside the clone, or in the folder named by `TIP_LENS_CORPUS`. They are not ours, so they are
 * never committed, and a fresh clone has none. The suites that need them are declared with
 * `corpusSuite`: they run when the corpus is there and are otherwise named as not run, in one line
 * that `notRunLine` gives for the summary. What they check is also checked on our own narratives,
 * so a fresh clone still tests every behaviour.
 *
 * Plain Node: used by the unit tests (mocha `describe`) and the integration tests (mocha `suite`,
 * inside the extension host) alike.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const CORPUS_ENV = 'TIP_LENS_CORPUS';
export const SEED_NAME = 'mali-2020.txt';

/** The repository's root when this runs from `out/test/support/`. */
const REPO = path.resolve(__dirname, '..', '..', '..');

/** The corpus folder, or undefined when there is none. `root` is the repository's root. */
export function corpusDir(root: string = REPO): string | undefined {
  const fromEnv = process.env[CORPUS_ENV];
  const dir = fromEnv ? path.resolve(fromEnv) : path.resolve(root, '..', 'shared', 'corpus');
  return existsSync(path.join(dir, SEED_NAME)) ? dir : undefined;
}

/** The seed's path, or undefined when the corpus is not there. */
export function seedPath(root: string = REPO): string | undefined {
  const dir = corpusDir(root);
  return dir && path.join(dir, SEED_NAME);
}

/** The seed's text. Only for code inside a `corpusSuite`, which runs only when the seed is there. */
export function seedText(root: string = REPO): string {
  const file = seedPath(root);
  if (!file) throw new Error(`the seed narrative is missing: set ${CORPUS_ENV} or lay ../shared/corpus beside the clone`);
  return readFileSync(file, 'utf8');
}

const notRun: string[] = [];

/**
 * Declares a suite that reads the real corpus: with `define` (`describe` or `suite`) when the
 * corpus is there, otherwise not at all, and its title is kept for `notRunLine`.
 */
export function corpusSuite(define: (title: string, fn: () => void) => unknown, title: string, fn: () => void, root: string = REPO): void {
  if (corpusDir(root)) define(title, fn);
  else notRun.push(title);
}

/** The titles of the suites that did not run, in one line, or undefined when all ran. */
export function notRunLine(): string | undefined {
  if (notRun.length === 0) return undefined;
  return `not run, no real corpus (../shared/corpus or $${CORPUS_ENV}): ${notRun.length} suite${notRun.length === 1 ? '' : 's'}: ${notRun.join('; ')}`;
}
