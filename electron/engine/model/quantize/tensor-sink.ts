import { open, type FileHandle } from 'node:fs/promises';

import {
  DATA_LOCATION_EXTERNAL,
  EXTERNAL_ALIGNMENT,
  EXTERNAL_THRESHOLD_BYTES,
  externalDataEntries,
  type TensorProto,
} from '../onnx';

/** A tensor's bytes, written in order by `write`, then placed by `finish`. */
export interface TensorWriter {
  write(bytes: Uint8Array): Promise<void>;
  /** The output TensorProto's storage fields: `raw_data`, or `external_data` + `data_location`. */
  finish(): Pick<TensorProto, 'raw_data' | 'external_data' | 'data_location'>;
}

/**
 * Where the output model's initializers go. With an external data file, tensors of 1 KB and more are
 * written to it sequentially at page-aligned offsets (ORT memory-maps them); smaller ones, and every
 * tensor of a model without external data, stay inline in the `.onnx`.
 */
export class TensorSink {
  private end = 0;
  private closed = false;

  private constructor(
    private readonly file: FileHandle | null,
    /** The data file's final name, recorded in the graph (the temp name never is). */
    private readonly location: string | null,
  ) {}

  static inline(): TensorSink {
    return new TensorSink(null, null);
  }

  /** Writes to `tempPath`, which the caller renames to `location` beside the model once complete. */
  static async external(tempPath: string, location: string): Promise<TensorSink> {
    return new TensorSink(await open(tempPath, 'wx'), location);
  }

  get externalBytes(): number {
    return this.end;
  }

  begin(byteLength: number): TensorWriter {
    if (this.file === null || this.location === null || byteLength < EXTERNAL_THRESHOLD_BYTES) {
      return inlineWriter(byteLength);
    }
    const { file, location } = this;
    const offset = Math.ceil(this.end / EXTERNAL_ALIGNMENT) * EXTERNAL_ALIGNMENT;
    this.end = offset + byteLength;
    let position = offset;
    return {
      write: async (bytes) => {
        // Reserving the range in `begin` keeps offsets deterministic; the alignment gap is left zero.
        for (let done = 0; done < bytes.length;) {
          const { bytesWritten } = await file.write(bytes, done, bytes.length - done, position + done);
          done += bytesWritten;
        }
        position += bytes.length;
        if (position > offset + byteLength) throw new Error(`tensor overflows its ${byteLength} bytes`);
      },
      finish: () => {
        if (position !== offset + byteLength)
          throw new Error(`tensor wrote ${position - offset} of ${byteLength} bytes`);
        return {
          external_data: externalDataEntries(location, offset, byteLength),
          data_location: DATA_LOCATION_EXTERNAL,
        };
      },
    };
  }

  /**
   * Closes the data file; with `flush`, first syncs it to disk so the rename that publishes it never
   * exposes a partial file after a power cut. Safe to call again (error paths close unconditionally).
   */
  async close(flush: boolean): Promise<void> {
    if (!this.file || this.closed) return;
    this.closed = true;
    try {
      if (flush) await this.file.sync();
    } finally {
      await this.file.close();
    }
  }
}

function inlineWriter(byteLength: number): TensorWriter {
  const raw = new Uint8Array(byteLength);
  let position = 0;
  return {
    write: (bytes) => {
      raw.set(bytes, position);
      position += bytes.length;
      return Promise.resolve();
    },
    finish: () => {
      if (position !== byteLength) throw new Error(`tensor wrote ${position} of ${byteLength} bytes`);
      return { raw_data: raw };
    },
  };
}
