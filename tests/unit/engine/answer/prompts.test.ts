import { describe, expect, it } from 'vitest';

import {
  answerMessages,
  combineMessages,
  partMessages,
  questionLanguage,
} from '../../../../electron/engine/answer/prompts';

const passages = [
  { n: 1, citation: 'udhr.pdf, p. 1 — Article 1', text: 'All human beings are born free and equal.' },
  { n: 2, citation: 'notes.md, line 4', text: 'Dignity is inherent.' },
];

describe('answer prompts', () => {
  it('demands [n] citations, no guessing, and names the language of the question', () => {
    const [system, user] = answerMessages('人間の尊厳について何と書いてありますか？', passages);
    expect(system?.role).toBe('system');
    expect(system?.content).toContain('[1]');
    expect(system?.content).toContain('do not contain the answer');
    expect(system?.content).toContain('The question is in Japanese');
    expect(user?.content).toBe(
      '[1] udhr.pdf, p. 1 — Article 1\nAll human beings are born free and equal.\n\n[2] notes.md, line 4\nDignity is inherent.\n\nQuestion: 人間の尊厳について何と書いてありますか？',
    );
  });

  it('falls back to "the language of the question" when it cannot tell', () => {
    expect(questionLanguage('ok?')).toBeNull();
    expect(answerMessages('ok?', passages)[0]?.content).toContain('in the language of the question');
  });

  it('asks each part for cited notes and combines them keeping the citations', () => {
    const part = partMessages('Summarize this file', 'book.pdf', 2, 5, passages);
    expect(part[0]?.content).toContain('part 2 of 5 of the file "book.pdf"');
    expect(part[1]?.content).toContain('[2] notes.md, line 4');
    const combined = combineMessages('Summarize this file', 'book.pdf', ['Freedom [1].', 'Dignity [2].']);
    expect(combined[1]?.content).toContain('Notes on part 1 of 2:\nFreedom [1].');
    expect(combined[1]?.content).toContain('keep their [n] citations');
  });
});
