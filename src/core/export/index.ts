/**
 * The dataset export: rows (`rows.ts`), their formats (`csv.ts`, `jsonl.ts`, `brat.ts`), the
 * decoding of a report's bytes (`decode.ts`) and one export run (`pipeline.ts`), shared by
 * `tip-lens export` and the Export Dataset command.
 */
export * from './rows';
export * from './csv';
export * from './jsonl';
export * from './brat';
export * from './decode';
export * from './pipeline';
