import { open, type FileHandle } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';

import { errorMessage, PolyseekError } from '../../../../shared';
import { externalLocation, isExternal, tensorByteLength, type ExternalLocation } from './tensor-layout';
import { DataType, type TensorProto } from './types';

interface OpenFile {
  handle: FileHandle;
  size: number;
}

/**
 * Reads initializer bytes wherever the model keeps them: `raw_data`, `float_data`, or an external data
 * file read at offset/length, so a 2.3 GB model is never loaded whole. External files open once and
 * stay open until `close()`.
 */
export class TensorReader {
  private readonly files = new Map<string, Promise<OpenFile>>();

  /** @param dir the folder of the `.onnx` file; external locations are relative to it. */
  constructor(private readonly dir: string) {}

  /** The tensor's byte size, after checking that its bytes exist (the external file is long enough). */
  async check(tensor: TensorProto): Promise<number> {
    const bytes = tensorByteLength(tensor);
    if (bytes === null) throw this.invalid(tensor, `has data type ${tensor.data_type}, which has no fixed width`);
    if (isExternal(tensor)) {
      const where = this.location(tensor);
      if (where.length !== bytes)
        throw this.invalid(tensor, `is ${where.length} bytes in ${where.location}, not ${bytes}`);
      const file = await this.file(where.location);
      if (where.offset + where.length > file.size) {
        throw this.invalid(
          tensor,
          `ends at byte ${where.offset + where.length} but ${where.location} has ${file.size} (truncated download?)`,
        );
      }
    } else if (tensor.raw_data === undefined && tensor.float_data === undefined && bytes > 0) {
      throw this.invalid(tensor, 'keeps its values in a field this reader does not handle');
    }
    return bytes;
  }

  /** Copies the tensor's bytes from `byteOffset` on into all of `target`. */
  async read(tensor: TensorProto, byteOffset: number, target: Uint8Array): Promise<void> {
    if (target.length === 0) return;
    if (isExternal(tensor)) {
      const where = this.location(tensor);
      const { handle } = await this.file(where.location);
      for (let done = 0; done < target.length;) {
        const { bytesRead } = await handle.read(target, done, target.length - done, where.offset + byteOffset + done);
        if (bytesRead === 0) throw this.invalid(tensor, `ends early in ${where.location}`);
        done += bytesRead;
      }
      return;
    }
    if (tensor.raw_data && tensor.raw_data.length > 0) {
      target.set(tensor.raw_data.subarray(byteOffset, byteOffset + target.length));
      return;
    }
    if (tensor.data_type === DataType.FLOAT && tensor.float_data) {
      const values = Float32Array.from(tensor.float_data.slice(byteOffset / 4, (byteOffset + target.length) / 4));
      target.set(new Uint8Array(values.buffer));
      return;
    }
    throw this.invalid(tensor, 'keeps its values in a field this reader does not handle');
  }

  async close(): Promise<void> {
    const opened = await Promise.allSettled(this.files.values());
    this.files.clear();
    const handles = opened.flatMap((o) => (o.status === 'fulfilled' ? [o.value.handle] : []));
    await Promise.all(handles.map((handle) => handle.close()));
  }

  private location(tensor: TensorProto): ExternalLocation {
    let where: ExternalLocation;
    try {
      where = externalLocation(tensor);
    } catch (error) {
      throw new PolyseekError('MODEL_INVALID', errorMessage(error));
    }
    // ORT refuses locations outside the model folder too; a crafted file must not make us read elsewhere.
    const clean = normalize(where.location);
    if (isAbsolute(clean) || clean === '..' || clean.startsWith(`..${sep}`)) {
      throw this.invalid(tensor, `points outside the model folder (${where.location})`);
    }
    return { ...where, location: clean };
  }

  private file(location: string): Promise<OpenFile> {
    let opened = this.files.get(location);
    if (!opened) {
      const path = join(this.dir, location);
      opened = open(path, 'r').then(
        async (handle) => ({ handle, size: (await handle.stat()).size }),
        (error: unknown) => {
          const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'MODEL_NOT_FOUND' : 'MODEL_INVALID';
          throw new PolyseekError(code, `external data ${path} cannot be opened: ${errorMessage(error)}`);
        },
      );
      this.files.set(location, opened);
    }
    return opened;
  }

  private invalid(tensor: TensorProto, problem: string): PolyseekError {
    return new PolyseekError('MODEL_INVALID', `initializer ${tensor.name ?? '(unnamed)'} ${problem}`);
  }
}
