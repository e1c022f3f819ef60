import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, LICENSE_ID, MODEL_ID, type Settings } from '../../shared';
import { httpError, startChatServer, stream, words, type ChatScript, type ChatServer } from '../fixtures/chat-server';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { invoke } from './support/api';
import { blockingFindings, runAxeInBothSchemes, type AxeReport } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { addAndIndexFolder, nav } from './support/pages';
import { screenshot } from './support/screenshots';
import type { StartOptions } from './support/servers';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

/** English and Arabic declarations (XML), and the Japanese one as a PDF with pages. */
const DOCUMENTS = ['04-parallel/udhr/udhr_eng.xml', '04-parallel/udhr/udhr_arb.xml', '01-pdf/cjk/udhr-ja.pdf'];
const QUESTION = 'dignity and rights';
const MODEL = 'test-model';

/** The passages of a chat request as the engine numbers them ("[n] citation\ntext"). */
function requestPassages(body: unknown): { n: number; text: string }[] {
  const messages = (body as { messages?: { role: string; content: string }[] } | null)?.messages ?? [];
  const user = messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  return [...user.matchAll(/^\[(\d+)\] [^\n]*\n([\s\S]*?)(?=\n\n\[\d+\] |\n\nQuestion: |(?![\s\S]))/gm)].map((m) => ({
    n: Number(m[1]),
    text: m[2] ?? '',
  }));
}

/**
 * An answer built from the request, so its citations are real: the passage that says "dignity" is
 * cited, then another passage, then a number the pack does not have. Streamed a word at a time.
 */
function citingAnswer(delayMs: number): ChatScript {
  return (x) => {
    const passages = requestPassages(x.request.body);
    const dignity = passages.find((p) => /dignity/i.test(p.text))?.n ?? 1;
    const other = passages.find((p) => p.n !== dignity)?.n ?? dignity;
    const text =
      `All human beings are born free and equal in dignity and rights [${dignity}]. ` +
      `The declaration goes on to list the rights everyone holds, whatever their country [${other}].\n\n` +
      `- It was adopted in 1948 [${passages.length + 30}].\n- It is read in many languages [${dignity}, ${other}].`;
    return stream(words(text), { delayMs })(x);
  };
}

describe.skipIf(chromiumState.skip || corpus.skip)('the Ask panel (server host, Chromium, chat fixture)', () => {
  let chat: ChatServer | undefined;
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: 'tiny',
    scratch: 'ask',
    prepare: async ({ scratch }) => {
      await copyCorpus(DOCUMENTS, join(scratch, 'docs'));
      chat = await startChatServer({ models: [MODEL, 'llama3.1:8b'], script: citingAnswer(40) });
    },
    cleanup: async () => {
      await chat?.close();
    },
  });

  beforeEach(() => world.browser.errors.splice(0));

  function started(): { page: Page; errors: string[]; chat: ChatServer } {
    if (!chat) throw new Error('beforeAll did not finish');
    const { page, errors } = world.browser;
    return { page, errors, chat };
  }

  /** A server whose settings accept the licence and (optionally) point answers at the chat fixture. */
  async function startIndexed(page: Page, answer: Partial<Settings['answer']>): Promise<string> {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      compute: { provider: 'cpu', threads: 1 },
      answer: { ...DEFAULT_SETTINGS.answer, ...answer },
      license: {
        licenseId: LICENSE_ID,
        modelId: MODEL_ID,
        nonCommercialOnly: true,
        acceptedAt: '2026-01-01T00:00:00Z',
      },
    };
    const options: StartOptions = {
      env: { POLYSEEK_MODEL_DIR: world.modelDir, POLYSEEK_TEST_OPENER: join(world.scratch, 'opened.jsonl') },
      files: { 'settings.json': JSON.stringify(settings) },
    };
    const server = await world.servers.start(options);
    await page.goto(`${server.url}/#/folders`);
    await addAndIndexFolder(page, join(world.scratch, 'docs'));
    await nav(page, 'Search');
    return server.url;
  }

  it('streams a cited answer, goes to the cited source, stops, fails clearly and asks about one file', async () => {
    const { page, errors, chat } = started();
    await startIndexed(page, { baseUrl: chat.url, model: MODEL });
    const reports: AxeReport[] = [];

    const box = page.getByRole('searchbox', { name: 'Search your documents' });
    await box.fill(QUESTION);
    await page.getByRole('list', { name: 'Results' }).waitFor();
    const panel = page.getByRole('region', { name: 'Answer' });
    const body = panel.locator('.answer-body');
    const status = panel.locator('.ask-status');
    const requestsBefore = chat.chatRequests().length;
    await page.getByRole('button', { name: 'Ask', exact: true }).click();

    // The text arrives piece by piece: sample it until the answer is done.
    const lengths = new Set<number>();
    const deadline = Date.now() + 30_000;
    while (!/^Answered/.test((await status.textContent()) ?? '')) {
      if (Date.now() > deadline) throw new Error(`no answer: ${(await status.textContent()) ?? ''}`);
      if ((await body.count()) > 0) lengths.add(((await body.textContent()) ?? '').length);
      await page.waitForTimeout(25);
    }
    const finalText = (await body.textContent()) ?? '';
    const partial = [...lengths].filter((n) => n > 0 && n < finalText.length);
    expect(partial.length, `partial lengths seen: ${[...lengths].join(', ')}`).toBeGreaterThanOrEqual(2);
    expect(finalText).toContain('All human beings are born free and equal in dignity and rights');
    expect(chat.chatRequests().length).toBe(requestsBefore + 1);
    await status.getByText(/^Answered, citing 2 sources\.$/).waitFor();

    // The number the pack lacks is marked, not linked; the engine says so too.
    await body.getByText('not a source').waitFor();
    await panel.getByText(/which is not among the \d+ passages sent/).waitFor();

    // The first citation goes to the passage the fixture cited: the one that says "dignity".
    const request = chat.chatRequests().at(-1);
    const cited = requestPassages(request?.body).find((p) => /dignity/i.test(p.text));
    if (!cited) throw new Error('the chat request held no passage about dignity');
    const citation = body.getByRole('button', { name: new RegExp(`^Source ${cited.n}: `) }).first();
    await citation.click();
    const sources = panel.getByRole('list', { name: 'Sources' });
    const highlighted = sources.locator('.source[data-highlighted="true"]');
    await highlighted.waitFor();
    expect(await highlighted.count()).toBe(1);
    expect(await highlighted.locator('.source-n').textContent()).toBe(String(cited.n));
    expect(await highlighted.locator('.source-text').textContent()).toMatch(/dignity/i);
    expect(await isFocused(highlighted)).toBe(true);
    expect(await highlighted.getByText('cited').count()).toBe(1);
    // Open goes through file.open with the passage's file (the test opener records it).
    await highlighted.getByRole('button', { name: /^Open(?: at p\. \d+)?, / }).click();
    await expect
      .poll(() => opened(join(world.scratch, 'opened.jsonl')))
      .toContainEqual(
        expect.objectContaining({ action: 'open', path: join(world.scratch, 'docs', DOCUMENTS[0] ?? '') }),
      );
    await screenshot(page, '100-ask-answered-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, '100-ask-answered-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot(page, '100-ask-answered-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    reports.push(...(await runAxeInBothSchemes(page, 'Search (an answer, a source highlighted)')));

    // Stop while it streams (slowly): the partial answer stays, marked stopped, and the request is closed.
    const left = chat.leftEarly;
    chat.replyOnce(citingAnswer(300));
    await box.focus();
    await page.keyboard.press('Control+Enter');
    await status.getByText('Writing the answer…').waitFor();
    await expect.poll(async () => ((await body.textContent()) ?? '').length, { timeout: 10_000 }).toBeGreaterThan(10);
    await screenshot(page, '101-ask-streaming');
    await panel.getByRole('button', { name: 'Stop the answer' }).click();
    await status.getByText('Stopped. The answer so far is kept.').waitFor();
    await panel.getByText('stopped', { exact: true }).waitFor();
    await chat.clientsLeft(left + 1, 5000);
    const stoppedText = (await body.textContent()) ?? '';
    expect(stoppedText.length).toBeGreaterThan(10);
    expect(stoppedText.length).toBeLessThan(finalText.length);
    await screenshot(page, '102-ask-stopped');

    // The endpoint fails: its message in an alert, the sources still there, and Try again works.
    chat.replyOnce(httpError(500, { error: { message: 'model "test-model" failed to load: out of memory' } }));
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const alert = panel.getByRole('alert');
    await alert.getByText('CHAT_FAILED').waitFor();
    await alert.getByText(/out of memory/).waitFor();
    expect(await sources.locator('.source').count()).toBeGreaterThan(0);
    await screenshot(page, '103-ask-failed');
    reports.push(...(await runAxeInBothSchemes(page, 'Search (the model failed)')));
    await alert.getByRole('button', { name: 'Try again' }).click();
    await status.getByText(/^Answered/).waitFor({ timeout: 30_000 });

    // Ask about one file: the panel names it, and the passages all come from it.
    const english = page
      .locator('.result')
      .filter({ has: page.getByRole('heading', { level: 2, name: /udhr_eng\.xml/ }) });
    await english.getByRole('button', { name: 'Ask about this file, udhr_eng.xml' }).click();
    await panel.getByText('about udhr_eng.xml').waitFor();
    await status.getByText(/^Answered/).waitFor({ timeout: 60_000 });
    // A whole file is many passages: the first few are listed until all are asked for.
    expect(await sources.locator('.source').count()).toBe(6);
    await panel.getByRole('button', { name: /^Show all \d+ sources$/ }).click();
    expect(await sources.locator('.source').count()).toBeGreaterThan(6);
    await expect.poll(() => isFocused(sources.locator('.source').nth(6))).toBe(true);
    const paths = await sources.locator('.source-citation').allTextContents();
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toMatch(/^udhr_eng\.xml/);
    await screenshot(page, '104-ask-document');

    expect(blockingFindings(reports)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('without a model shows the passages and copies them; the link leads to Settings → Answers', async () => {
    const { page, errors } = started();
    const url = await startIndexed(page, {});
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const box = page.getByRole('searchbox', { name: 'Search your documents' });
    await box.fill(QUESTION);
    await page.getByRole('list', { name: 'Results' }).waitFor();
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Answer' });
    await panel.getByText('No model answered: the passages are ready to copy.').waitFor();
    await panel.getByText('No chat model is set up (Settings → Answers)', { exact: false }).waitFor();
    expect(await panel.getByRole('list', { name: 'Sources' }).locator('.source').count()).toBeGreaterThan(0);

    await panel.getByRole('button', { name: 'Copy context' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Copied$/ })
      .waitFor();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    const expected = await invoke(url, 'answer.ask', {
      askId: 'e2e-expected-pack',
      question: QUESTION,
      scope: { kind: 'search', mode: 'hybrid' },
      generate: false,
    });
    expect(copied).toBe(expected.pack.text);
    expect(copied).toContain(QUESTION);
    await screenshot(page, '105-ask-context-only');
    const reports = await runAxeInBothSchemes(page, 'Search (no model: the context pack)');

    await panel.getByRole('link', { name: 'Connect a model in Settings → Answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const answers = page.getByRole('region', { name: 'Answers' });
    await expect.poll(() => isFocused(answers.getByLabel('Endpoint (base URL)'))).toBe(true);
    expect(blockingFindings(reports)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('Settings → Answers: saves the endpoint, checks the connection, picks a model, keeps the key out of sight', async () => {
    const { page, errors, chat } = started();
    const server = await startIndexed(page, {});
    await nav(page, 'Settings');
    const answers = page.getByRole('region', { name: 'Answers' });
    const url = answers.getByLabel('Endpoint (base URL)');
    const model = answers.getByLabel('Model', { exact: true });

    // A refused address is explained beside the field; the Ollama example fills a good one.
    await url.fill('localhost:11434');
    await answers.getByText('A web address starting with http:// or https://', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
    await answers.getByRole('button', { name: 'Ollama: http://127.0.0.1:11434/v1' }).click();
    expect(await url.inputValue()).toBe('http://127.0.0.1:11434/v1');
    const check = answers.getByRole('button', { name: 'Check connection' });
    expect(await check.isDisabled()).toBe(true);

    // An endpoint on another machine: the panel warns that passages will go there.
    await url.fill('http://192.168.1.50:11434/v1');
    await model.fill('llama3.1:8b');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await answers
      .getByText(
        'Passages from your documents will be sent to 192.168.1.50:11434, another machine on your local network.',
      )
      .waitFor();

    await url.fill(chat.url);
    await model.fill(MODEL);
    await page.getByLabel('Temperature').fill('0.5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    await answers.getByText(/is this machine: the passages stay here\./).waitFor();

    await check.click();
    await answers.getByText(/^Reachable in \d+ ms; it lists 2 models\. test-model is among them\.$/).waitFor();
    const choices = answers.getByRole('group', { name: 'Models this endpoint lists' });
    await choices.getByRole('button', { name: 'llama3.1:8b' }).click();
    expect(await model.inputValue()).toBe('llama3.1:8b');
    expect(await choices.getByRole('button', { name: 'llama3.1:8b' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const saved = (await invoke(server, 'settings.get', {})).settings.answer;
    expect(saved).toMatchObject({ baseUrl: chat.url, model: 'llama3.1:8b', temperature: 0.5 });

    // The key: saved for this session (no keychain on the server host), then gone from the page.
    const key = 'sk-e2e-5f3a9c1d7b';
    const keyPanel = page.getByRole('region', { name: 'API key for answers' });
    await keyPanel.getByText('No key is stored.').waitFor();
    await keyPanel.getByLabel('API key').fill(key);
    await keyPanel.getByRole('button', { name: 'Save key' }).click();
    await keyPanel.getByText('Key saved for this session.').waitFor();
    await keyPanel.getByText('A key is held in memory for this session only', { exact: false }).waitFor();
    expect(await keyPanel.getByLabel('API key').inputValue()).toBe('');
    expect(await page.content()).not.toContain(key);
    await screenshot(page, '106-settings-answers-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, '106-settings-answers-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 800, height: 900 });
    await screenshot(page, '106-settings-answers-narrow');
    await page.setViewportSize({ width: 1280, height: 800 });
    const reports = await runAxeInBothSchemes(page, 'Settings (Answers, a key stored)');

    // The next ask goes to the chosen model with the key, and the key still is nowhere on the page.
    await nav(page, 'Search');
    await page.getByRole('searchbox', { name: 'Search your documents' }).fill(QUESTION);
    await page.getByRole('list', { name: 'Results' }).waitFor();
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page
      .getByRole('region', { name: 'Answer' })
      .locator('.ask-status')
      .getByText(/^Answered/)
      .waitFor({ timeout: 30_000 });
    const last = chat.chatRequests().at(-1);
    expect((last?.body as { model?: string; temperature?: number }).model).toBe('llama3.1:8b');
    expect((last?.body as { temperature?: number }).temperature).toBe(0.5);
    expect(last?.headers.authorization).toBe(`Bearer ${key}`);
    expect(await page.content()).not.toContain(key);

    await nav(page, 'Settings');
    await keyPanel.getByRole('button', { name: 'Forget key' }).click();
    await keyPanel.getByText('Key forgotten.').waitFor();
    await keyPanel.getByText('No key is stored.').waitFor();
    expect(blockingFindings(reports)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** What the POLYSEEK_TEST_OPENER file recorded, one JSON object a line. */
async function opened(file: string): Promise<unknown[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as unknown);
}

async function isFocused(locator: Locator): Promise<boolean> {
  return (await locator.and(locator.page().locator(':focus')).count()) === 1;
}
