import type * as vscode from 'vscode';
import type { AnalysisService } from '../analysisService';
import type { Checker } from '../diagnostics';
import { probes } from '../probes';
import { AnnotationStore } from './annotationStore';
import { registerAnnotationCodeActions } from './codeActions';
import { registerAnnotationCommands } from './commands';
import { openInputs } from './correctDialog';
import { trackCursor } from './cursor';
import { registerAnnotationDecorations } from './decorations';
import { registerDismissCommand } from './dismiss';
import { openDocument } from './files';
import { registerHoverDecisions } from './hoverDecisions';
import { type Message, shownMessages } from './messages';
import { SchemaStore, useSchemaStore } from './schemaStore';
import { DecisionUndo } from './undo';

/**
 * Researchers' annotations in the editor, on two floors:
 *
 * - services that own state: the schema store (`schemaStore.ts`, each workspace folder's
 *   `.tip-lens/schema.json`), the annotation store (`annotationStore.ts`, each report's
 *   `<report>.annotations.json`) and the history of decisions with Undo and Redo Last Decision
 *   (`undo.ts`), with what they need (`files.ts`, `messages.ts`);
 * - features that show it or change it: the commands (`commands.ts`, with the dialogue of
 *   Correct... in `correctDialog.ts`), the code actions
 *   (`codeActions.ts`), dismissing a finding of the check (`dismiss.ts`), the annotations' part of a hover (`hover.ts`, which `../hover.ts`
 *   calls) and its links, which show the hover again after a decision (`hoverDecisions.ts`), the context keys of the item at the cursor (`cursor.ts`) and the highlights
 *   (`decorations.ts`).
 *
 * A feature asks the services and never another feature; what features share is a function
 * of a service or of core: the names (`labels.ts`, `protocol.ts`) and what is at a place of a
 * report (`items.ts`). This file creates the services and registers the features.
 */

/** What the integration tests read through `probes.get('annotations')`. */
export interface AnnotationsProbe {
  readonly store: AnnotationStore;
  readonly schemas: SchemaStore;
  /** The notifications shown, newest last. */
  readonly messages: readonly Message[];
  /** The quick picks and input boxes of Correct... open now (the tests answer them as a user would). */
  readonly inputs: ReadonlySet<vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox>;
}

export function registerAnnotations(context: vscode.ExtensionContext, service: AnalysisService, checker?: Checker): void {
  const store = new AnnotationStore();
  const schemas = new SchemaStore();
  useSchemaStore(schemas);
  context.subscriptions.push(
    store,
    schemas,
    service.useAnnotations(store),
    // The checks read the annotated analysis; a report checked already is checked again when its decisions change.
    store.onDidChange((uri) => {
      const doc = openDocument(uri);
      if (doc && checker?.isChecked(uri)) void checker.check(doc, true);
    }),
    registerAnnotationCommands(service, store, schemas),
    registerAnnotationCodeActions(service),
    trackCursor(service),
  );
  if (checker) context.subscriptions.push(registerDismissCommand(store, checker));
  const undo = new DecisionUndo(store);
  context.subscriptions.push(undo, registerHoverDecisions());
  const probe: AnnotationsProbe = { store, schemas, messages: shownMessages, inputs: openInputs };
  probes.set('annotations', probe);
  probes.set('decisionUndo', undo);
  registerAnnotationDecorations(context, service, schemas);
}
