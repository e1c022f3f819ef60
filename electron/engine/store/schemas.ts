import { arrow, type ArrowSchema } from './arrow';

/**
 * Column layouts. Names are snake_case because DataFusion lower-cases unquoted identifiers in `where()`.
 * Sizes and times are float64, not int64: LanceDB returns int64 as BigInt, and every value here fits a
 * double exactly (2^53 bytes, milliseconds until year 287 396).
 */
const { Field, Float64, Int32, List, Schema, Utf8, FixedSizeList, Float32, Uint8 } = arrow;

const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
const int = (name: string, nullable = false) => new Field(name, new Int32(), nullable);
const double = (name: string) => new Field(name, new Float64(), false);

export const FILES_TABLE = 'files';
export const CHUNKS_TABLE = 'chunks';
export const META_TABLE = 'meta';
export const VECTORS_TABLE_PREFIX = 'vectors_';

export function filesSchema(): ArrowSchema {
  return new Schema([
    text('path'),
    text('root'),
    double('size'),
    double('mtime_ms'),
    text('hash'),
    text('status'),
    text('error_code', true),
    text('error_message', true),
    int('chunk_count'),
    text('indexed_at', true),
    text('extractor', true),
    text('format'),
    text('title', true),
    text('language', true),
  ]);
}

/** The filter columns copied into every vectors table so vector search can pre-filter (issue 6). */
const filterFields = () => [text('path'), text('root'), text('format'), double('mtime_ms'), text('language')];

export function chunksSchema(): ArrowSchema {
  return new Schema([
    text('id'),
    ...filterFields(),
    text('hash'),
    int('ordinal'),
    text('text'),
    int('tokens'),
    int('page', true),
    int('page_end', true),
    int('line', true),
    int('line_end', true),
    text('section', true),
    new Field('headings', new List(new Field('item', new Utf8(), true)), true),
  ]);
}

/**
 * `vector`: float32 at the provenance's dims, unit length. `binary`: its sign bits, 8 per byte, most
 * significant first (encoder `binaryCode`), for a hamming first pass.
 */
export function vectorsSchema(dims: number): ArrowSchema {
  return new Schema([
    text('id'),
    ...filterFields(),
    new Field('vector', new FixedSizeList(dims, new Field('item', new Float32(), true)), false),
    new Field('binary', new FixedSizeList(Math.ceil(dims / 8), new Field('item', new Uint8(), true)), false),
  ]);
}

export function metaSchema(): ArrowSchema {
  return new Schema([text('key'), text('value')]);
}
