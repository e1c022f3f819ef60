import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';

import type { Command } from 'commander';

import {
  MAX_CONTEXT_TOKENS,
  MAX_PACK_PASSAGES,
  MIN_CONTEXT_TOKENS,
  type AnswerAskInput,
  type AnswerProgress,
  type AnswerResult,
  type AnswerStatusKind,
} from '../../../shared';
import { CliFailure, fail, withRuntime, type GlobalOptions } from '../context';
import { addFilterOptions, filtersFromFlags, integerBetween, type FilterFlags } from '../filter-options';
import { answerTextSafe, describeAnswerPhase, describePack, formatSources } from '../format-answer';
import type { CliIo } from '../io';
import { createRedrawnLine } from '../progress-line';

interface AskFlags extends FilterFlags {
  file?: string;
  budget?: number;
  passages?: number;
  contextOnly?: boolean;
  allowWeak?: boolean;
}

/** 0 answered (or the context pack), 3 weak passages (the model was not asked), 1 failed. */
const EXIT_CODES: Record<Exclude<AnswerStatusKind, 'cancelled'>, number> = {
  answered: 0,
  'context-only': 0,
  weak: 3,
  failed: 1,
};
/** 128 + the signal's number, as shells report a process stopped by it. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

export function askInput(askId: string, question: string, flags: AskFlags): AnswerAskInput {
  const filters = filtersFromFlags(flags);
  const scope: AnswerAskInput['scope'] = flags.file
    ? { kind: 'document', path: resolve(flags.file) }
    : filters || flags.mode
      ? { kind: 'search', ...(filters ? { filters } : {}), ...(flags.mode ? { mode: flags.mode } : {}) }
      : undefined;
  return {
    askId,
    question,
    ...(scope ? { scope } : {}),
    ...(flags.budget ? { contextTokens: flags.budget } : {}),
    ...(flags.passages ? { maxPassages: flags.passages } : {}),
    ...(flags.contextOnly ? { generate: false } : {}),
    ...(flags.allowWeak ? { allowWeak: true } : {}),
  };
}

export function registerAsk(program: Command, io: CliIo): void {
  const ask = program
    .command('ask')
    .description(
      'answer a question from the index: the configured chat model streams an answer citing numbered passages [n]; ' +
        'without one (settings answer.baseUrl, answer.model), the context pack is printed. ' +
        'Exit codes: 0 answered, 3 weak passages (model not asked), 1 failed, 130 Ctrl+C.',
    )
    .argument('<question...>', 'the question, in any language (quote it, or give several words)');
  addFilterOptions(ask)
    .option('--file <path>', 'answer from this one indexed file as a whole (summaries); filters do not apply')
    .option(
      '--budget <tokens>',
      `passage budget in tokens (${MIN_CONTEXT_TOKENS}–${MAX_CONTEXT_TOKENS}; default settings answer.contextTokens)`,
      integerBetween(MIN_CONTEXT_TOKENS, MAX_CONTEXT_TOKENS),
    )
    .option(
      '--passages <n>',
      `most passages (1–${MAX_PACK_PASSAGES}, default 12)`,
      integerBetween(1, MAX_PACK_PASSAGES),
    )
    .option('--context-only', 'print the context pack (question and numbered passages) without asking a model')
    .option('--allow-weak', 'ask the model even when the passages are weak matches')
    .action(async (words: string[], flags: AskFlags, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      if (flags.file && filtersFromFlags(flags)) {
        return fail(
          io,
          options,
          { code: 'INVALID_INPUT', message: '--file answers from one file: drop the filters' },
          2,
        );
      }
      const input = askInput(randomUUID(), words.join(' '), flags);
      await withRuntime(io, options, async (runtime) => {
        const view = createAnswerView(io, options.json === true);
        const unsubscribe = runtime.events.subscribe((event) => {
          if (event.name === 'answer.progress' && event.payload.askId === input.askId) view.show(event.payload);
        });
        const stop = new AbortController();
        let stoppedBy: string | null = null;
        void io.waitForStop().then((signal) => {
          stoppedBy = signal;
          view.interrupt(`polyseek: ${signal}, stopping the answer (what was written stays)`);
          stop.abort();
        });
        try {
          const result = await runtime.invoke('answer.ask', input, { signal: stop.signal });
          const interrupted = stoppedBy === null ? null : (SIGNAL_EXIT[stoppedBy] ?? 130);
          if (!result.ok) {
            view.finishStream();
            if (interrupted !== null && result.error.code === 'CANCELLED') throw new CliFailure(interrupted, 'stopped');
            return fail(io, options, result.error);
          }
          view.finish(result.value);
          if (result.value.status === 'cancelled') throw new CliFailure(interrupted ?? 130, 'cancelled');
          const code = EXIT_CODES[result.value.status];
          if (code !== 0) throw new CliFailure(code, result.value.status);
        } finally {
          unsubscribe();
          view.finishStream();
        }
      });
    });
}

/**
 * What the person sees: phases on stderr, the answer on stdout as it streams (unless --json, which prints
 * the whole AnswerResult at the end), then the sources it cites.
 */
function createAnswerView(io: CliIo, json: boolean) {
  const line = createRedrawnLine(io);
  let streamed = '';
  const write = (text: string): void => {
    if (text === '') return;
    line.end();
    streamed += text;
    io.outPartial(text);
  };
  const finishStream = (): void => {
    if (streamed !== '' && !streamed.endsWith('\n')) write('\n');
  };
  return {
    show(event: AnswerProgress): void {
      const phase = describeAnswerPhase(event);
      if (phase !== null) return line.draw(phase, event.type === 'phase' ? event.phase : '');
      if (event.type === 'context') {
        line.end();
        return io.err(`polyseek: ${describePack(event.pack)}`);
      }
      if (event.type === 'delta' && !json) write(answerTextSafe(event.text));
    },
    interrupt(message: string): void {
      line.end();
      io.err(message);
    },
    finishStream,
    finish(result: AnswerResult): void {
      line.end();
      if (json) {
        io.out(JSON.stringify(result, null, 2));
      } else {
        printHuman(io, result, { streamed, write, finishStream });
      }
      reportOnStderr(io, result);
    },
  };
}

interface Stream {
  readonly streamed: string;
  write(text: string): void;
  /** Ends the streamed text with a line break if it has none. */
  finishStream(): void;
}

function printHuman(io: CliIo, result: AnswerResult, stream: Stream): void {
  switch (result.status) {
    case 'context-only':
      return io.out(answerTextSafe(result.pack.text));
    case 'weak':
      return;
    case 'answered': {
      // Deltas are coalesced; whatever the stream did not carry is written now.
      const full = answerTextSafe(result.answer);
      if (full.startsWith(stream.streamed)) stream.write(full.slice(stream.streamed.length));
      stream.finishStream();
      return io.out(`\n${formatSources(result)}`);
    }
    case 'cancelled':
    case 'failed':
      return stream.finishStream();
  }
}

function reportOnStderr(io: CliIo, result: AnswerResult): void {
  if (result.notice) io.err(`polyseek: ${result.notice}`);
  if (result.unknownCitations.length > 0) {
    const cited = result.unknownCitations.map((n) => `[${n}]`).join(', ');
    io.err(`polyseek: warning: the answer cites ${cited}, which no passage has (the model made them up)`);
  }
  if (result.status === 'weak') {
    const why = result.pack.evidence.message ?? 'the passages found are weak matches for the question';
    if (why !== result.notice) io.err(`polyseek: ${why}`);
    io.err('polyseek: the model was not asked; ask anyway with --allow-weak, or read the passages with --context-only');
  }
  if (result.status === 'failed' && result.error) {
    io.err(`polyseek: ${result.error.code}: ${result.error.message}`);
    io.err('polyseek: the passages are still available with --context-only');
  }
  if (result.status === 'cancelled') io.err('polyseek: cancelled');
}
