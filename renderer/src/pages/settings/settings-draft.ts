import { SettingsPatchSchema, type Settings, type SettingsPatch } from '../../../../shared';
import { ANSWERS_TEXT } from '../../text/answers';
import { SETTINGS_TEXT } from '../../text/settings';

export type EncoderSettings = Settings['encoder'];
export type ComputeSettings = Settings['compute'];
export type SearchSettings = Settings['search'];
export type AnswerSettings = Settings['answer'];

/** Fields typed as text (number inputs): kept as typed, so a half-typed "2." or "" is not lost. */
export const NUMBER_FIELDS = [
  'compute.threads',
  'search.fusion.semanticWeight',
  'search.fusion.keywordWeight',
  'search.fusion.k',
  'answer.contextTokens',
  'answer.maxAnswerTokens',
  'answer.temperature',
  'answer.timeoutSeconds',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** Only the fields the person touched; everything else shows the saved value. */
export interface SettingsDraft {
  readonly encoder: Partial<EncoderSettings>;
  readonly compute: Partial<ComputeSettings>;
  readonly search: Partial<SearchSettings>;
  /**
   * The endpoint and model as typed (null: cleared); trimmed when the patch is made. The API key is
   * not a setting and never part of the draft.
   */
  readonly answer: Partial<Pick<AnswerSettings, 'baseUrl' | 'model'>>;
  /** What is typed in the number fields, by contract path. */
  readonly numbers: Partial<Record<NumberField, string>>;
}

export const EMPTY_DRAFT: SettingsDraft = { encoder: {}, compute: {}, search: {}, answer: {}, numbers: {} };

/** What a text field of the Answers panel becomes: blank is null (no endpoint, no model), else trimmed. */
export function typedOrNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** Messages by contract path (`compute.threads`); shown next to the field they name. */
export type FieldErrors = Readonly<Partial<Record<string, string>>>;

/** What Save would send, and why it cannot yet. */
export interface DraftCheck {
  /** The changed fields, or null when nothing differs from the saved settings. */
  readonly patch: SettingsPatch | null;
  /** Contract violations (and text that is not a number) by field; Save waits until it is empty. */
  readonly errors: FieldErrors;
}

/**
 * The patch the draft makes, checked with the contract's own schema (the one `settings.set` applies),
 * so a field shows the refusal before anything is sent.
 */
export function checkDraft(saved: Settings, draft: SettingsDraft): DraftCheck {
  const errors: Record<string, string> = {};
  const numbers: Partial<Record<NumberField, number>> = {};
  for (const field of NUMBER_FIELDS) {
    const text = draft.numbers[field];
    if (text === undefined) continue;
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (Number.isFinite(value)) numbers[field] = value;
    else errors[field] = SETTINGS_TEXT.validation.number;
  }
  const fusion = { ...saved.search.fusion, ...draft.search.fusion };
  const effective = {
    encoder: draft.encoder,
    compute: withNumber(draft.compute, 'threads', numbers['compute.threads']),
    search:
      numbers['search.fusion.semanticWeight'] === undefined &&
      numbers['search.fusion.keywordWeight'] === undefined &&
      numbers['search.fusion.k'] === undefined
        ? draft.search
        : {
            ...draft.search,
            fusion: {
              semanticWeight: numbers['search.fusion.semanticWeight'] ?? fusion.semanticWeight,
              keywordWeight: numbers['search.fusion.keywordWeight'] ?? fusion.keywordWeight,
              k: numbers['search.fusion.k'] ?? fusion.k,
            },
          },
  };
  const answer: Partial<AnswerSettings> = {
    ...('baseUrl' in draft.answer && { baseUrl: typedOrNull(draft.answer.baseUrl) }),
    ...('model' in draft.answer && { model: typedOrNull(draft.answer.model) }),
    ...(numbers['answer.contextTokens'] !== undefined && { contextTokens: numbers['answer.contextTokens'] }),
    ...(numbers['answer.maxAnswerTokens'] !== undefined && { maxAnswerTokens: numbers['answer.maxAnswerTokens'] }),
    ...(numbers['answer.temperature'] !== undefined && { temperature: numbers['answer.temperature'] }),
    ...(numbers['answer.timeoutSeconds'] !== undefined && { timeoutSeconds: numbers['answer.timeoutSeconds'] }),
  };
  const patch = patchFromDraft(saved, { ...effective, answer });
  const parsed = SettingsPatchSchema.safeParse(patch ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.');
      errors[key] ??= issueText(issue);
    }
  }
  return { patch, errors };
}

function withNumber<T extends object, K extends string>(value: T, key: K, n: number | undefined): T {
  return n === undefined ? value : { ...value, [key]: n };
}

/** The patch `settings.set` needs: edited fields that differ from the saved ones, or null if none. */
export function patchFromDraft(
  saved: Settings,
  draft: Pick<SettingsDraft, 'encoder' | 'compute' | 'search'> & { readonly answer?: Partial<AnswerSettings> },
): SettingsPatch | null {
  const encoder = changedFields(saved.encoder, draft.encoder);
  const compute = changedFields(saved.compute, draft.compute);
  const search = changedFields(saved.search, draft.search);
  const answer = changedFields(saved.answer, draft.answer ?? {});
  if (!encoder && !compute && !search && !answer) return null;
  return {
    ...(encoder && { encoder }),
    ...(compute && { compute }),
    ...(search && { search }),
    ...(answer && { answer }),
  };
}

function changedFields<T extends object>(saved: T, edits: Partial<T>): Partial<T> | null {
  // Compared by value: `fusion` is an object, edited as a whole.
  const changed = Object.entries(edits).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(saved[key as keyof T]),
  );
  return changed.length > 0 ? (Object.fromEntries(changed) as Partial<T>) : null;
}

type Issue = NonNullable<ReturnType<typeof SettingsPatchSchema.safeParse>['error']>['issues'][number];

/** A contract issue in words for the field it names; the schema's own message when no rule fits. */
export function issueText(issue: Issue): string {
  const words = SETTINGS_TEXT.validation;
  if (issue.code === 'invalid_format' && issue.format === 'url') return ANSWERS_TEXT.settings.urlFormat;
  if (issue.code === 'too_big' && issue.origin === 'string')
    return ANSWERS_TEXT.settings.tooLong(Number(issue.maximum));
  if (issue.code === 'too_big') return words.tooBig(Number(issue.maximum));
  if (issue.code === 'too_small') return words.tooSmall(Number(issue.minimum));
  if (issue.code === 'invalid_type' && issue.expected === 'int') return words.wholeNumber;
  if (issue.code === 'invalid_type' && issue.expected === 'number') return words.number;
  if (issue.code === 'invalid_value') return words.notAllowed;
  return sentence(issue.message);
}

/**
 * A refusal from `settings.set` ("settings.set: compute.threads: Too big…; encoder.dims: …") split by
 * the field each part names; parts naming no known field stay in `rest`, shown above the Save button.
 */
export function refusalByField(
  message: string,
  fields: readonly string[],
): { readonly errors: FieldErrors; readonly rest: string | null } {
  const body = message.replace(/^settings\.set:\s*/, '');
  const errors: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of body.split(/;\s+/)) {
    const match = /^([\w.]+):\s*(.+)$/s.exec(part);
    const field = match?.[1];
    if (match?.[2] && field && fields.includes(field)) errors[field] = sentence(match[2]);
    else if (part.trim()) rest.push(part.trim());
  }
  return { errors, rest: rest.length > 0 ? rest.join('; ') : null };
}

/** Every field the form shows, by contract path; a refusal naming one of them is shown beside it. */
export const FORM_FIELDS: readonly string[] = [
  'encoder.queryTask',
  'encoder.passageTask',
  'encoder.instructionPrefix',
  'encoder.dims',
  'encoder.precision',
  'search.mode',
  'search.binaryTier',
  ...NUMBER_FIELDS,
  'compute.provider',
  'answer.baseUrl',
  'answer.model',
];

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
