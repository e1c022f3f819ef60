import type { z } from 'zod';

import {
  AnswerSettingsSchema,
  ComputeSettingsSchema,
  DEFAULT_SETTINGS,
  EncoderSettingsSchema,
  LicenseAcceptanceSchema,
  MAX_ROOTS,
  ModelSettingsSchema,
  RootSchema,
  SearchSettingsSchema,
  type Settings,
} from '../../../shared';

export interface Salvaged {
  readonly settings: Settings;
  /** Sections or fields that could not be read and now hold defaults, e.g. `encoder.dims`, `roots[3]`. */
  readonly reset: string[];
}

/**
 * Keeps every part of a damaged settings object that still validates, field by field, so one bad value
 * never costs the person their folders or their licence record.
 */
export function salvageSettings(raw: Record<string, unknown>): Salvaged {
  const reset: string[] = [];
  const encoder = salvageFields(EncoderSettingsSchema, raw['encoder'], DEFAULT_SETTINGS.encoder, 'encoder', reset);
  const compute = salvageFields(ComputeSettingsSchema, raw['compute'], DEFAULT_SETTINGS.compute, 'compute', reset);
  const model = salvageFields(ModelSettingsSchema, raw['model'], DEFAULT_SETTINGS.model, 'model', reset);
  const search = salvageFields(SearchSettingsSchema, raw['search'], DEFAULT_SETTINGS.search, 'search', reset);
  const answer = salvageFields(AnswerSettingsSchema, raw['answer'], DEFAULT_SETTINGS.answer, 'answer', reset);

  const roots: Settings['roots'] = [];
  if (raw['roots'] !== undefined && !Array.isArray(raw['roots'])) reset.push('roots');
  const rawRoots: unknown[] = Array.isArray(raw['roots']) ? raw['roots'] : [];
  rawRoots.forEach((candidate, index) => {
    const parsed = RootSchema.safeParse(candidate);
    if (parsed.success && roots.length < MAX_ROOTS) roots.push(parsed.data);
    else reset.push(`roots[${index}]`);
  });

  let license: Settings['license'] = null;
  if (raw['license'] !== undefined && raw['license'] !== null) {
    const parsed = LicenseAcceptanceSchema.safeParse(raw['license']);
    if (parsed.success) license = parsed.data;
    else reset.push('license');
  }

  return {
    settings: { version: DEFAULT_SETTINGS.version, encoder, compute, model, roots, search, answer, license },
    reset,
  };
}

function salvageFields<T extends Record<string, unknown>>(
  schema: z.ZodObject,
  raw: unknown,
  defaults: T,
  prefix: string,
  reset: string[],
): T {
  if (raw === undefined) return { ...defaults };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    reset.push(prefix);
    return { ...defaults };
  }
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, fieldSchema] of Object.entries(schema.shape)) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = (fieldSchema as z.ZodType).safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.data;
    else reset.push(`${prefix}.${key}`);
  }
  for (const key of Object.keys(raw)) if (!Object.hasOwn(schema.shape, key)) reset.push(`${prefix}.${key}`);
  return out as T;
}
