import { detectLanguage } from '../chunk/language';
import type { ChatMessage } from './chat-types';

/** The passages as the model and the "copy context" text see them: number, citation, text. */
export interface PromptPassage {
  readonly n: number;
  readonly citation: string;
  readonly text: string;
}

/**
 * Rules every answer is held to. Small local models follow short, concrete instructions best, so each
 * rule is one sentence: cite with [n], only from the passages, say when they do not answer, and answer in
 * the question's language (named explicitly when it can be detected, since "the same language" is often
 * ignored by 7B models when the passages are in another one).
 */
export function systemPrompt(question: string): string {
  const language = questionLanguage(question);
  return [
    "You answer questions using only the numbered passages from the user's own documents.",
    'Cite the passage that supports each statement with its number in square brackets, like [1] or [2][5].',
    'Use only the passage numbers given; never cite anything else.',
    'If the passages do not contain the answer, say so plainly instead of guessing.',
    'The passages may be in other languages than the question; translate what you use.',
    language
      ? `The question is in ${language}: write the whole answer in ${language}.`
      : 'Write the answer in the language of the question.',
  ].join('\n');
}

/** Question and passages in one user message, passages first so the question is read last. */
export function userPrompt(question: string, passages: readonly PromptPassage[]): string {
  return `${formatPassages(passages)}\n\nQuestion: ${question.trim()}`;
}

export function answerMessages(question: string, passages: readonly PromptPassage[]): ChatMessage[] {
  return [
    { role: 'system', content: systemPrompt(question) },
    { role: 'user', content: userPrompt(question, passages) },
  ];
}

/**
 * One part of a long file (map step): notes on what bears on the request, keeping the citations, so the
 * combining step can still cite pages it never saw.
 */
export function partMessages(
  question: string,
  fileName: string,
  part: number,
  parts: number,
  passages: readonly PromptPassage[],
): ChatMessage[] {
  return [
    {
      role: 'system',
      content: [
        `You read part ${part} of ${parts} of the file "${fileName}" for a request about the whole file.`,
        'Write brief notes of what this part says that bears on the request.',
        'After each note, cite the passages it comes from by number in square brackets, like [3].',
        'If nothing in this part bears on the request, write only: Nothing relevant.',
      ].join('\n'),
    },
    { role: 'user', content: `${formatPassages(passages)}\n\nRequest: ${question.trim()}` },
  ];
}

/** The combining step (reduce): the parts' notes, already cited, into one answer. */
export function combineMessages(question: string, fileName: string, notes: readonly string[]): ChatMessage[] {
  const body = notes.map((text, i) => `Notes on part ${i + 1} of ${notes.length}:\n${text.trim()}`).join('\n\n');
  return [
    { role: 'system', content: systemPrompt(question) },
    {
      role: 'user',
      content: `These notes on the file "${fileName}" cite its numbered passages.\n\n${body}\n\nQuestion: ${question.trim()}\n\nAnswer from the notes and keep their [n] citations.`,
    },
  ];
}

export function formatPassages(passages: readonly PromptPassage[]): string {
  return passages.map((p) => `[${p.n}] ${p.citation}\n${p.text.trim()}`).join('\n\n');
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The question's language in English words ("Japanese"), or null when the question is too short to tell. */
export function questionLanguage(question: string): string | null {
  const code = detectLanguage(question);
  if (code === 'und') return null;
  try {
    const name = languageNames.of(code);
    return name && name !== code ? name : null;
  } catch {
    return null;
  }
}
