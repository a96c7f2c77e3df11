import * as vscode from 'vscode';
import { defaultSchema, parseSchema, type AnnotationSchema } from '../../core/annotations';
import { readText, shownPath } from './files';
import { notify } from './messages';

/** Where a workspace's annotation schema lives, relative to its folder. */
export const SCHEMA_PATH = '.tip-lens/schema.json';

/**
 * The annotation schema of each workspace folder: `.tip-lens/schema.json` when it exists and
 * validates (a warning names the file and the reason when it does not), else `defaultSchema()`.
 * Read once per folder and again when the file changes.
 */
export class SchemaStore implements vscode.Disposable {
  private readonly cache = new Map<string, AnnotationSchema>();
  private readonly loading = new Map<string, Promise<AnnotationSchema>>();
  private readonly warned = new Set<string>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [this.emitter];
  readonly defaults = defaultSchema();
  /** How many changes of schema files the watcher reported. */
  events = 0;
  /** Fires when a folder's schema was read or changed. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    // The file, and its folder (a folder deleted whole reports no event for the files in it).
    const watcher = vscode.workspace.createFileSystemWatcher('**/.tip-lens{,/schema.json}');
    const reread = (uri: vscode.Uri): void => {
      this.events++;
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder || !(uri.path.endsWith(`/${SCHEMA_PATH}`) || uri.path.endsWith('/.tip-lens'))) return;
      this.cache.delete(folder.uri.toString());
      void this.load(folder.uri);
    };
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate(reread),
      watcher.onDidChange(reread),
      watcher.onDidDelete(reread),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.cache.clear();
        this.emitter.fire();
      }),
    );
  }

  /** The schema for a report (its folder's, or the default); a folder not read yet is read, the default meanwhile. */
  schemaFor(uri: vscode.Uri): AnnotationSchema {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return this.defaults;
    const cached = this.cache.get(folder.uri.toString());
    if (cached) return cached;
    void this.load(folder.uri);
    return this.defaults;
  }

  /** The schema for a report, read first if need be. */
  async schemaForAsync(uri: vscode.Uri): Promise<AnnotationSchema> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return this.defaults;
    return this.cache.get(folder.uri.toString()) ?? this.load(folder.uri);
  }

  private load(folder: vscode.Uri): Promise<AnnotationSchema> {
    const key = folder.toString();
    const running = this.loading.get(key);
    if (running) return running;
    const file = vscode.Uri.joinPath(folder, SCHEMA_PATH);
    const promise = readText(file).then((read) => {
      let schema = this.defaults;
      if (read.kind === 'text') {
        const parsed = parseSchema(read.text);
        if (parsed.ok && parsed.schema.labels.length > 0) {
          schema = parsed.schema;
          this.warned.delete(key);
        } else {
          const reason = parsed.ok ? 'it has no labels' : parsed.error;
          const text = `TIP Lens: the annotation schema ${shownPath(file)} cannot be used: ${reason}. The default labels apply until it is fixed.`;
          if (!this.warned.has(`${key}|${text}`)) notify('warning', text);
          this.warned.add(`${key}|${text}`);
        }
      } else if (read.kind === 'error') {
        notify('warning', `TIP Lens: the annotation schema ${shownPath(file)} cannot be read: ${read.error}. The default labels apply.`);
      }
      this.cache.set(key, schema);
      this.loading.delete(key);
      this.emitter.fire();
      return schema;
    });
    this.loading.set(key, promise);
    return promise;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

/** The schemas the tree and the hovers name labels with (set on activation). */
let schemaStore: SchemaStore | undefined;

/** Makes `store` the one {@link schemaFor} asks (on activation). */
export function useSchemaStore(store: SchemaStore): void {
  schemaStore = store;
}

/** The annotation schema for a report (the default before the extension is active). */
export function schemaFor(uri: vscode.Uri): AnnotationSchema | undefined {
  return schemaStore?.schemaFor(uri);
}
