/**
 * Gives the event loop a turn, between the time slices of the asynchronous analysis and check:
 * `setImmediate` in Node, a zero timeout where there is none (the browser's web worker).
 */
export function yieldTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
