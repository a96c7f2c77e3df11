/**
 * What the annotation features share by name: the ids of the commands (the commands register
 * them, the code actions and the hover link to them) and what a command returns.
 */

export const ANNOTATE_SELECTION = 'tipLens.annotateSelection';
export const CONFIRM_ITEM = 'tipLens.confirmItem';
export const REJECT_ITEM = 'tipLens.rejectItem';
export const CHANGE_ITEM_TYPE = 'tipLens.changeItemType';
export const CORRECT_ITEM = 'tipLens.correctItem';
export const DELETE_ANNOTATION = 'tipLens.deleteAnnotation';
export const EDIT_ANNOTATION_NOTE = 'tipLens.editAnnotationNote';
export const DISMISS_FINDING = 'tipLens.dismissFinding';
/** Undo Last Decision and Redo Last Decision (Ctrl+Z and Ctrl+Shift+Z right after a decision). */
export const UNDO_DECISION = 'tipLens.undoDecision';
export const REDO_DECISION = 'tipLens.redoDecision';
/** A hover's link: runs one of `ANNOTATION_COMMANDS`, then shows the hover again with the new status (`hoverDecisions.ts`). */
export const FROM_HOVER = 'tipLens.fromHover';
/** The argument of {@link FROM_HOVER}: the command to run and its arguments, the report, and where to show the hover again (an offset). */
export interface HoverDecision {
  readonly command: string;
  readonly args: readonly unknown[];
  readonly uri: string;
  readonly at?: number;
}
/** The commands a hover may link to: {@link FROM_HOVER}, and the decisions it runs. */
export const ANNOTATION_COMMANDS: readonly string[] = [FROM_HOVER, CONFIRM_ITEM, REJECT_ITEM, CHANGE_ITEM_TYPE, CORRECT_ITEM, DELETE_ANNOTATION, EDIT_ANNOTATION_NOTE];

/** What a command returns (for the tests and for other commands that call it). */
export type CommandResult = { readonly ok: true; readonly id?: string; readonly changed: boolean } | { readonly ok: false; readonly message: string };
