/** The Report view's model (`model.ts`), its nodes (`nodes.ts`) and its words (`labels.ts`): no `vscode`. */
export * from './model';
export * from './labels';
