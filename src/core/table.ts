/**
 * A lookup table without a prototype: `table.constructor` or `table.toString` is undefined, as
 * a word of a report (which may well be "constructor") must find nothing there.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
