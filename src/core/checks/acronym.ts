/**
 * acronym: an acronym is introduced once with its long form and used alone after that. Flags a
 * bare use before the definition, and a second definition with another long form.
 */
import type { Finding, Rule } from './types';

export const acronymRule: Rule = (ctx) => {
  const out: Finding[] = [];
  const { text } = ctx;
  for (const e of ctx.analysis.entities) {
    if (!e.acronym || !e.definition) continue;
    const def = e.definition;
    const acr = e.acronym;
    // Definitions: long-form mentions marked `definition`, each followed by `(ACR)`.
    const definitions = e.mentions.filter((m) => m.definition);
    const firstDef = definitions[0] ?? { start: def.start, end: def.end, text: e.longForm ?? '' };
    for (const m of e.mentions) {
      if (m.definition || m.start >= firstDef.start || m.text !== acr) continue;
      const longForm = e.longForm ?? firstDef.text;
      out.push({
        rule: 'acronym', severity: 'warning', start: m.start, end: m.end,
        message: `${acr} is used before it is defined as "${longForm} (${acr})".`,
        related: [{ start: firstDef.start, end: firstDef.end, message: `${acr} is defined here.` }],
        fixes: [{
          title: `Define ${acr} here and use it alone at the later definition`,
          edits: [
            { start: m.start, end: m.end, newText: `${longForm} (${acr})` },
            // `Long Form (ACR)` later becomes `ACR`.
            ...(text.slice(firstDef.start, firstDef.end + acr.length + 3) === `${firstDef.text} (${acr})`
              ? [{ start: firstDef.start, end: firstDef.end + acr.length + 3, newText: acr }] : []),
          ],
        }],
      });
      break; // the first early use says it; the rest follow from it
    }
    const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');
    for (const d of definitions.slice(1)) {
      if (norm(d.text) === norm(firstDef.text)) continue;
      out.push({
        rule: 'acronym', severity: 'warning', start: d.start, end: d.end,
        message: `${acr} is defined again, as "${d.text}", after "${firstDef.text}".`,
        related: [{ start: firstDef.start, end: firstDef.end, message: `The first definition of ${acr}.` }],
        fixes: [],
      });
    }
  }
  return out;
};
