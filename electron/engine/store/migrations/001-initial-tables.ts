import type { Connection } from '@lancedb/lancedb';

import { arrow } from '../arrow';
import type { StoreMigration } from './types';

// Frozen: the layout as first released. Later steps alter it; never edit this one.
const { Field, Float64, Int32, List, Schema, Utf8 } = arrow;
const text = (name: string, nullable = false) => new Field(name, new Utf8(), nullable);
const int = (name: string, nullable = false) => new Field(name, new Int32(), nullable);
const double = (name: string) => new Field(name, new Float64(), false);

async function createIfMissing(db: Connection, name: string, schema: InstanceType<typeof Schema>): Promise<void> {
  await db.createEmptyTable(name, schema, { existOk: true });
}

export const initialTables: StoreMigration = {
  version: 1,
  name: 'files, chunks and meta tables',
  async up(db) {
    await createIfMissing(db, 'meta', new Schema([text('key'), text('value')]));
    await createIfMissing(
      db,
      'files',
      new Schema([
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
      ]),
    );
    await createIfMissing(
      db,
      'chunks',
      new Schema([
        text('id'),
        text('path'),
        text('root'),
        text('format'),
        double('mtime_ms'),
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
      ]),
    );
  },
};
