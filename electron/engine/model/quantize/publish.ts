import { open, rename, rm } from 'node:fs/promises';

export async function removeQuietly(path: string): Promise<void> {
  await rm(path, { force: true }).catch(() => undefined);
}

/** Writes and fsyncs a file, so a rename that publishes it never exposes a partial file after a crash. */
export async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(bytes);
    await file.sync();
  } finally {
    await file.close();
  }
}

export interface PublishPaths {
  temps: { model: string; data: string };
  outputPath: string;
  dataPath: string;
  /** The new model has an external data file (temps.data) to publish too. */
  external: boolean;
}

/**
 * Moves the finished temp files to their final names. The old `.onnx` goes first and the new one comes
 * last, so at every instant the final `.onnx` is either absent or complete with its data: a loader sees
 * MODEL_NOT_FOUND at worst, never a graph paired with another run's weights.
 */
export async function publishModel({ temps, outputPath, dataPath, external }: PublishPaths): Promise<void> {
  await rm(outputPath, { force: true });
  if (external) await rename(temps.data, dataPath);
  else await removeQuietly(dataPath); // a stale `<name>_data` from an external-data run of another model
  await rename(temps.model, outputPath);
}
