import * as vscode from 'vscode';
import { SECTION_LABELS } from '../core/labels';
import type { NarrativeInfo, Section } from '../core/model';
import type { AnalysisService } from './analysisService';
import { rangeOf } from './convert';
import { LANGUAGE_ID } from './detection';

const SELECTOR: vscode.DocumentSelector = { language: LANGUAGE_ID };

function narrativeName(n: NarrativeInfo, i: number): string {
  const m = n.meta;
  const name = [m.country, m.year].filter((x) => x !== undefined).join(' ');
  return name || `Narrative ${i + 1}`;
}

/** The title's text, the tier line's tier, or a section's heading. */
function sectionName(s: Section, text: string, tier: string | undefined): string {
  if (s.kind === 'title') return text.trim() || SECTION_LABELS.title;
  if (s.kind === 'tier') return tier ?? (text.trim() || SECTION_LABELS.tier);
  return s.heading ? s.heading.replace(/:$/, '') : SECTION_LABELS[s.kind];
}

/**
 * The outline and breadcrumbs (narrative, title, tier, sections) and folding by section.
 */
export function registerStructure(context: vscode.ExtensionContext, service: AnalysisService): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(SELECTOR, {
      async provideDocumentSymbols(doc, token) {
        const report = await service.report(doc, token);
        if (!report) return undefined;
        const { narratives, sections } = report.analysis;
        const out: vscode.DocumentSymbol[] = [];
        let s = 0;
        narratives.forEach((n, i) => {
          const children: vscode.DocumentSymbol[] = [];
          for (; s < sections.length && sections[s]!.start < n.end; s++) {
            const sec = sections[s]!;
            if (sec.end < n.start) continue;
            const range = rangeOf(doc, sec);
            const selection = sec.headingSpan ? rangeOf(doc, sec.headingSpan) : new vscode.Range(range.start, range.start);
            const detail = sec.kind === 'tier' ? SECTION_LABELS.tier : sec.kind === 'title' ? SECTION_LABELS.title : '';
            const kind = sec.kind === 'tier' ? vscode.SymbolKind.Constant : sec.kind === 'title' ? vscode.SymbolKind.File : vscode.SymbolKind.String;
            children.push(new vscode.DocumentSymbol(sectionName(sec, doc.getText(range), n.meta.tier), detail, kind, range, selection));
          }
          const range = rangeOf(doc, n);
          const tier = n.meta.tier ?? '';
          const symbol = new vscode.DocumentSymbol(narrativeName(n, i), tier, vscode.SymbolKind.Module, range, new vscode.Range(range.start, range.start));
          symbol.children = children;
          out.push(symbol);
        });
        // One narrative: its sections are the outline, as a reader expects.
        return out.length === 1 ? out[0]!.children : out;
      },
    }),
    vscode.languages.registerFoldingRangeProvider(SELECTOR, {
      async provideFoldingRanges(doc, _context, token) {
        const report = await service.report(doc, token);
        if (!report) return undefined;
        const ranges: vscode.FoldingRange[] = [];
        const fold = (span: { start: number; end: number }): void => {
          const a = doc.positionAt(span.start).line;
          const b = doc.positionAt(span.end).line;
          if (b > a) ranges.push(new vscode.FoldingRange(a, b, vscode.FoldingRangeKind.Region));
        };
        for (const sec of report.analysis.sections) if (sec.kind !== 'title' && sec.kind !== 'tier') fold(sec);
        if (report.analysis.narratives.length > 1) for (const n of report.analysis.narratives) fold(n);
        return ranges;
      },
    }),
  );
}
