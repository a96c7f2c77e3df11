/** The Report view's nodes, what a node shows, and what the model is made from: plain data. */
import type { Anchored, Annotation } from '../annotations';
import type { Analysis, Entity, EntityType, Figure, Mention, Money, NarrativeInfo, Span } from '../model';

/** Lists longer than this are split into ranges (`1-500`, `501-1000`...), as the debugger splits arrays. */
export const CHUNK = 500;
/** A filter expands its groups at once when it leaves at most this many items. */
export const EXPAND_FILTERED_UP_TO = 200;

export type GroupBy = 'section' | 'metric';

interface NodeBase {
  readonly id: string;
  readonly parent?: ReportNode;
}

/** An element of the tree: plain data; what it shows is made only when the view asks for it. */
export type ReportNode =
  | (NodeBase & { readonly kind: 'report' })
  | (NodeBase & { readonly kind: 'narrative'; readonly index: number })
  | (NodeBase & { readonly kind: 'meta'; readonly field: 'country' | 'year' | 'tier'; readonly narrative: number })
  | (NodeBase & { readonly kind: 'figures' })
  | (NodeBase & { readonly kind: 'figureGroup'; readonly keys: readonly string[] })
  | (NodeBase & { readonly kind: 'figure'; readonly figure: Figure })
  | (NodeBase & { readonly kind: 'money' })
  | (NodeBase & { readonly kind: 'amount'; readonly money: Money })
  | (NodeBase & { readonly kind: 'entities' })
  | (NodeBase & { readonly kind: 'entityType'; readonly type: EntityType })
  | (NodeBase & { readonly kind: 'entity'; readonly entity: Entity })
  | (NodeBase & { readonly kind: 'mention'; readonly entity: Entity; readonly mention: Mention })
  | (NodeBase & { readonly kind: 'chunk'; readonly from: number; readonly to: number })
  | (NodeBase & { readonly kind: 'annotations' })
  | (NodeBase & { readonly kind: 'annotation'; readonly anchored: Anchored; readonly uri: string });

export type NodeOf<K extends ReportNode['kind']> = Extract<ReportNode, { kind: K }>;

/** What a node shows; the adapter turns it into its view's item. */
export interface NodeView {
  readonly label: string;
  /** Ranges of `label` to highlight (the filter's matches, or a mention in its line); none: a plain label. */
  readonly highlights?: readonly [number, number][];
  readonly description?: string;
  readonly state: 'none' | 'collapsed' | 'expanded';
  /** The span of the analyzed text a click reveals. */
  readonly reveal?: Span;
  /** Markdown, for the nodes whose tooltip costs nothing; the others' come from {@link ReportTreeModel.tooltip}. */
  readonly tooltip?: string;
  /** For menus; the adapter uses the node's kind when there is none. */
  readonly contextValue?: string;
}

/** The report a tree shows: the analyzed text and its analysis, with the researcher's annotations applied. */
export interface TreeReport {
  /** The analyzed text: offsets of the analysis point into it (not into a newer version). */
  readonly text: string;
  readonly analysis: Analysis;
  /** Which narrative holds an offset (a whole report holds many): the report's `ReportIndex`. */
  readonly index: { narrativeAt(offset: number): NarrativeInfo | undefined };
  /** Every annotation, anchored in `text` (orphaned ones without a span). */
  readonly anchored: readonly Anchored[];
  /** The document's URI, carried by annotation nodes for their commands. */
  readonly uri: string;
  /** The file's name, for the Report item's tooltip. */
  readonly name: string;
}

/** Words the annotation layer owns: an annotation's title in the workspace's schema, and a decided item's status. */
export interface TreeWords {
  annotationTitle(a: Annotation): string;
  status(item: { readonly status?: string }): string | undefined;
}
