import type { AnswerOutcome, AnswerProgress, ContextPack } from '../../../shared';
import type { EventSink } from '../handlers';

/**
 * Models stream a few to a hundred pieces a second; every event crosses two processes in the desktop app
 * and is parsed by every client. Pieces are joined and sent at most this often: 20 a second still reads as
 * a smooth stream.
 */
const DELTA_INTERVAL_MS = 50;

/** Sends one ask's `answer.progress` events in order, joining answer pieces that arrive close together. */
export class AnswerProgressEmitter {
  private buffered = '';
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly askId: string,
    private readonly emit: EventSink | undefined,
  ) {}

  phase(phase: 'retrieving' | 'reading' | 'generating', done = 0, total = 0): void {
    this.flush();
    this.send({ askId: this.askId, type: 'phase', phase, done, total });
  }

  context(pack: ContextPack): void {
    this.flush();
    this.send({ askId: this.askId, type: 'context', pack });
  }

  delta(text: string): void {
    if (text === '') return;
    this.buffered += text;
    this.timer ??= setTimeout(() => this.flush(), DELTA_INTERVAL_MS);
  }

  end(outcome: AnswerOutcome): void {
    this.flush();
    this.send({ askId: this.askId, type: 'end', outcome });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.buffered === '') return;
    const text = this.buffered;
    this.buffered = '';
    this.send({ askId: this.askId, type: 'delta', text });
  }

  private send(payload: AnswerProgress): void {
    this.emit?.({ name: 'answer.progress', payload });
  }
}
