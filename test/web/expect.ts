/**
 * The few assertions the web suites need, without Node's `assert` (the browser's web worker has
 * no Node built-in; the bundle of these suites is checked for them like the extension's).
 */
export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message = ''): void {
  if (actual !== expected) throw new Error(`${message ? `${message}: ` : ''}${JSON.stringify(actual)} !== ${JSON.stringify(expected)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message = ''): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${message ? `${message}: ` : ''}${a} !== ${e}`);
}

export function match(text: string, re: RegExp, message = ''): void {
  if (!re.test(text)) throw new Error(`${message ? `${message}: ` : ''}${JSON.stringify(text.slice(0, 300))} does not match ${re}`);
}

/** Polls `value` until it gives something; no time limit (the driver ends a run that hangs). */
export async function waitFor<T>(value: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  for (;;) {
    const v = await value();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}
