/**
 * Mocha root hooks for the unit tests (`mocha --require out/test/support/mochaHooks.js`): after
 * the run, one line names the suites that need the real corpus and did not run without it.
 */
import { notRunLine } from './corpus';

export const mochaHooks = {
  afterAll(): void {
    const line = notRunLine();
    if (line) console.log(`\n  ${line}`);
  },
};
