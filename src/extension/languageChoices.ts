/**
 * What detection remembers about each document, as plain data (no `vscode` import, so plain mocha
 * tests it): which documents it switched to TIP Report this session, and which the user set back
 * to plain text, a choice kept across closes and sessions through `persist`.
 *
 * VS Code changes a document's language by closing and re-opening it in the same tick; a real
 * close is not followed by an open. So `closed` starts a pending close, `opened` right after it is
 * a change of language, and `settled` (a tick later, with no open) is a real close.
 */
export type DetectionDecision = 'switched' | 'not a report' | 'disabled' | 'kept plain by the user' | 'set to TIP Report by the user';

export const TIP_LANGUAGE = 'tip-report';
const PLAIN = 'plaintext';

export class LanguageChoices {
  private readonly switched = new Set<string>();
  private readonly keptPlain: Set<string>;
  private readonly closing = new Map<string, string>();
  readonly decisions = new Map<string, DetectionDecision>();

  constructor(kept: readonly string[], private readonly persist: (kept: string[]) => void, private readonly max = 1000) {
    this.keptPlain = new Set(kept);
  }

  /** Whether a plain-text document should be looked at; records why not. */
  shouldConsider(key: string): boolean {
    if (this.switched.has(key)) return false;
    if (this.keptPlain.has(key)) {
      this.decisions.set(key, 'kept plain by the user');
      return false;
    }
    return true;
  }

  decided(key: string, decision: DetectionDecision): void {
    this.decisions.set(key, decision);
    if (decision === 'switched') this.switched.add(key);
  }

  closed(key: string, languageId: string): void {
    if (this.switched.has(key) || this.keptPlain.has(key)) this.closing.set(key, languageId);
  }

  /** A document opened: right after its close, that was a change of language by the user. */
  opened(key: string, languageId: string): void {
    const from = this.closing.get(key);
    if (from === undefined) return;
    this.closing.delete(key);
    if (from === TIP_LANGUAGE && languageId === PLAIN) {
      this.keptPlain.delete(key);
      this.keptPlain.add(key);
      this.decisions.set(key, 'kept plain by the user');
      this.save();
    } else if (languageId === TIP_LANGUAGE && this.keptPlain.delete(key)) {
      this.decisions.set(key, 'set to TIP Report by the user');
      this.save();
    }
  }

  /** No open followed the close: a real close. The session's switch is forgotten, the user's choice kept. */
  settled(key: string): void {
    if (this.closing.delete(key)) this.switched.delete(key);
  }

  isClosing(key: string): boolean {
    return this.closing.has(key);
  }

  private save(): void {
    this.persist([...this.keptPlain].slice(-this.max));
  }
}
