/**
 * What the entities recognizer finds.
 */
import type { EntityType } from '../../model';

export interface LocalEntity {
  s: number;
  e: number;
  text: string;
  /** Undefined for a bare acronym that the document-level pass types from its definition. */
  type?: EntityType;
  /** Folded canonical name. */
  key: string;
  /** For `Long Form (ACR)`: the acronym and the long form's span. */
  acronym?: { s: number; e: number; text: string };
  bareAcronym?: boolean;
  /** For a bare acronym whose span carries more (`2018-2022 NPA`): the acronym alone. */
  acronymText?: string;
  /** For a bare acronym: the type it takes when the document never defines it. */
  fallbackType?: EntityType;
  /** The key the document-level pass groups it by (type and name), made once. */
  group?: string;
}
