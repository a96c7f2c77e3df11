/**
 * What the features show, readable by the integration tests: VS Code offers no API to read
 * decorations or a tree's items back, so each feature records here what it last rendered.
 * `activate` returns this registry as the extension's exports; nothing else reads it.
 */
export const probes = new Map<string, unknown>();

export interface TipLensExports {
  readonly probes: ReadonlyMap<string, unknown>;
}
