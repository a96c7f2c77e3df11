import * as assert from 'node:assert';
import { LanguageChoices } from '../../src/extension/languageChoices';

describe('detection: the user\'s choice of language', () => {
  const uri = 'file:///drafts/zembla.txt';

  it('a report set back to plain text stays plain after a real close, and in the next session', () => {
    let saved: string[] = [];
    const choices = new LanguageChoices([], (kept) => void (saved = kept));
    assert.ok(choices.shouldConsider(uri));
    choices.decided(uri, 'switched');
    // The user sets it to plain text: VS Code closes the TIP Report document and opens a plain one.
    choices.closed(uri, 'tip-report');
    choices.opened(uri, 'plaintext');
    assert.deepStrictEqual(saved, [uri]);
    // A real close (no open follows), then the file is opened again.
    choices.closed(uri, 'plaintext');
    choices.settled(uri);
    assert.strictEqual(choices.shouldConsider(uri), false, 'detection would switch it again');
    assert.strictEqual(choices.decisions.get(uri), 'kept plain by the user');
    // Another session starts from what was saved.
    assert.strictEqual(new LanguageChoices(saved, () => undefined).shouldConsider(uri), false);
  });

  it('set to TIP Report by the user, it is forgotten; a real close forgets only the session\'s switch', () => {
    let saved: string[] = ['file:///other.txt', uri];
    const choices = new LanguageChoices(saved, (kept) => void (saved = kept));
    choices.closed(uri, 'plaintext');
    choices.opened(uri, 'tip-report');
    assert.deepStrictEqual(saved, ['file:///other.txt']);
    assert.strictEqual(choices.decisions.get(uri), 'set to TIP Report by the user');
    const fresh = 'file:///drafts/new.txt';
    choices.decided(fresh, 'switched');
    assert.strictEqual(choices.shouldConsider(fresh), false, 'switched once a session');
    choices.closed(fresh, 'tip-report');
    choices.settled(fresh);
    assert.strictEqual(choices.shouldConsider(fresh), true, 'read again after a real close');
  });

  it('remembers at most its bound, the most recent last', () => {
    let saved: string[] = [];
    const choices = new LanguageChoices([], (kept) => void (saved = kept), 2);
    for (const k of ['a', 'b', 'c']) {
      choices.decided(k, 'switched');
      choices.closed(k, 'tip-report');
      choices.opened(k, 'plaintext');
    }
    assert.deepStrictEqual(saved, ['b', 'c']);
  });
});
