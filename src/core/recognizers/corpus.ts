/**
 * A recognizer's corpus, as Duckling keeps one for each dimension: examples of text with what
 * the recognizer must find in it, and negative examples that must give nothing of its kind.
 * `test/unit/recognizers.test.ts` runs every corpus of {@link CORPORA}. The texts are our own
 * short fictional sentences, never text copied from a real narrative.
 */
import type { SectionKind } from '../model';

export interface Example<T> {
  /** One sentence, or a few when the example is about a sentence referring to an earlier one. */
  readonly text: string;
  /** The section it is read in: `summary` when not given. */
  readonly section?: SectionKind;
  /** Currency codes the document defines for itself elsewhere (`Karsolian rupees (KSR)`). */
  readonly codes?: readonly string[];
  /** Every item of this kind the text gives, in order, with exactly these fields. */
  readonly expected: readonly T[];
}

export interface Negative {
  readonly text: string;
  readonly section?: SectionKind;
  /** Why nothing is found: the rule the example shows. */
  readonly why: string;
}

export interface Corpus<T> {
  readonly name: string;
  /** What the engine finds of this kind in a text, as plain items with only their defined fields. */
  readonly recognize: (text: string, section: SectionKind, codes: ReadonlySet<string>) => readonly T[];
  readonly examples: ReadonlyArray<Example<T>>;
  readonly negatives: readonly Negative[];
}

/** Copies `item` without its undefined fields, so that an example lists only what is there. */
export function defined<T extends object>(item: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (v !== undefined) out[k] = v;
  return out as T;
}
