import { decodeBytes } from '../decode';
import { finishExtraction, MAX_SEGMENT_CHARS, SegmentList } from '../segments';
import type { Extracted } from '../types';
import { paragraphs } from './text';

export const JSON_EXTRACTOR_VERSION = 1;

/** Most string values listed; past it a document is data, not prose, and the rest is dropped with a warning. */
const MAX_VALUES = 200_000;

/** `key.path: value` lines for every string value, depth first, in document order. */
export function jsonStrings(value: unknown, limit = MAX_VALUES): { lines: string[]; truncated: boolean } {
  const lines: string[] = [];
  let truncated = false;
  const visit = (node: unknown, path: string): void => {
    if (lines.length >= limit) {
      truncated = true;
      return;
    }
    if (typeof node === 'string') {
      if (node.trim()) lines.push(path ? `${path}: ${node}` : node);
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${path}[${index}]`));
    } else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) visit(item, path ? `${path}.${key}` : key);
    }
  };
  visit(value, '');
  return { lines, truncated };
}

function parseJsonOrLines(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // JSON Lines: one document per line.
    const lines = text.split(/\r?\n/).filter((line) => line.trim());
    if (lines.length > 1) {
      try {
        return lines.map((line) => JSON.parse(line) as unknown);
      } catch {
        // Neither: fall through to the original error.
      }
    }
    throw error;
  }
}

/** JSON (and JSON Lines): string values with their key paths; invalid JSON is read as plain text. */
export function extractJson(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeBytes(bytes);
  const list = new SegmentList();
  const warnings: string[] = [];
  let parsed: unknown;
  try {
    parsed = parseJsonOrLines(text);
  } catch (error) {
    warnings.push(`not valid JSON (${error instanceof Error ? error.message : String(error)}); read as text`);
    for (const p of paragraphs(text)) list.text(p.text, { line: p.line, lineEnd: p.lineEnd });
    return finishExtraction('json', JSON_EXTRACTOR_VERSION, list, { encoding, warnings });
  }
  const { lines, truncated } = jsonStrings(parsed);
  if (truncated) warnings.push(`only the first ${MAX_VALUES} string values were read`);
  let group: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (group.length > 0 && size + line.length > MAX_SEGMENT_CHARS) {
      list.text(group.join('\n'));
      group = [];
      size = 0;
    }
    group.push(line);
    size += line.length + 1;
  }
  list.text(group.join('\n'));
  return finishExtraction('json', JSON_EXTRACTOR_VERSION, list, { encoding, warnings });
}
