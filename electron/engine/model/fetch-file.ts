import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname } from 'node:path';

import { PolyseekError } from '../../../shared';
import { appendBody } from './append-body';
import { gitBlobSha1, sha256File } from './hash-file';
import { TransientError, httpGet, type HttpGetOptions, type HubFileInfo } from './http-get';
import { PART_SUFFIX } from './model-paths';
import { abortableDelay } from './wait';

export interface FetchFileOptions extends Omit<HttpGetOptions, 'headers'> {
  readonly url: URL;
  /** Final path; data goes to `<target>.part` and is renamed only once verified. */
  readonly target: string;
  /** Manifest path, for messages. */
  readonly name: string;
  readonly expectedSha256: string | null;
  readonly expectedBytes: number | null;
  /** Bytes of this file held so far, and its size when known; called often. */
  readonly onBytes: (bytes: number, total: number | null) => void;
  /** Called while the whole file is hashed after the transfer. */
  readonly onVerifying?: () => void;
  /** Attempts after a dropped connection or a 5xx, each resuming where the last stopped. Default 5. */
  readonly retries?: number;
  /** First wait between attempts; doubles each time, capped at 30 s. Default 1000 ms. */
  readonly retryDelayMs?: number;
  /** Full downloads tried when the finished file fails its checksum. Default 2 (one re-fetch). */
  readonly integrityAttempts?: number;
}

export interface FetchedFile {
  readonly sha256: string;
  readonly bytes: number;
  /** What the content was checked against. */
  readonly checkedAgainst: 'manifest' | 'hub-sha256' | 'hub-git-oid' | 'nothing';
  readonly finalUrl: string;
}

/**
 * Downloads one file: resumable (Range into `.part`, restarting when a server ignores Range), retried
 * with backoff on dropped connections, sha256-verified (against the manifest, else the hub's own digest),
 * and atomic (renamed into place only after the check). Cancelling leaves the `.part` for a later resume.
 */
export async function fetchFile(options: FetchFileOptions): Promise<FetchedFile> {
  const part = `${options.target}${PART_SUFFIX}`;
  await mkdir(dirname(part), { recursive: true });
  const attempts = options.integrityAttempts ?? 2;
  for (let attempt = 1; ; attempt += 1) {
    const { hub, finalUrl } = await transfer(options, part);
    options.onVerifying?.();
    const size = (await stat(part)).size;
    const sha256 = await sha256File(part, options.signal ? { signal: options.signal } : {});
    const problem = await checkContent(options, part, size, sha256, hub);
    if (problem === null) {
      await syncFile(part);
      await rename(part, options.target);
      const checkedAgainst = options.expectedSha256
        ? 'manifest'
        : hub.sha256
          ? 'hub-sha256'
          : hub.gitOid
            ? 'hub-git-oid'
            : 'nothing';
      return { sha256, bytes: size, checkedAgainst, finalUrl };
    }
    // A corrupt file is never resumed from: start it over, once.
    await rm(part, { force: true });
    if (attempt >= attempts) {
      throw new PolyseekError(
        'CHECKSUM_MISMATCH',
        `${options.name} from ${options.url.href}: ${problem} (after ${attempt} downloads); nothing was saved under its name`,
      );
    }
  }
}

async function checkContent(
  options: FetchFileOptions,
  part: string,
  size: number,
  sha256: string,
  hub: HubFileInfo,
): Promise<string | null> {
  if (options.expectedBytes !== null && size !== options.expectedBytes) {
    return `got ${size} bytes, expected ${options.expectedBytes}`;
  }
  const reference = options.expectedSha256 ?? hub.sha256;
  if (reference !== null) return sha256 === reference ? null : `sha256 ${sha256}, expected ${reference}`;
  if (hub.gitOid !== null) {
    const oid = await gitBlobSha1(part, size, options.signal ? { signal: options.signal } : {});
    return oid === hub.gitOid ? null : `git blob id ${oid}, the hub says ${hub.gitOid}`;
  }
  return null;
}

/** Gets the whole file into `part`, resuming and retrying; returns what the hub said about it. */
async function transfer(options: FetchFileOptions, part: string): Promise<{ hub: HubFileInfo; finalUrl: string }> {
  const retries = options.retries ?? 5;
  const baseDelay = options.retryDelayMs ?? 1000;
  for (let failures = 0; ;) {
    try {
      return await transferOnce(options, part);
    } catch (error) {
      if (options.signal?.aborted) throw new PolyseekError('CANCELLED', `download of ${options.name} cancelled`);
      if (!(error instanceof TransientError)) throw error;
      failures += 1;
      if (failures > retries) {
        throw new PolyseekError(
          'DOWNLOAD_FAILED',
          `${options.name} from ${options.url.href}: ${error.message} (gave up after ${failures} attempts)`,
        );
      }
      await abortableDelay(Math.min(baseDelay * 2 ** (failures - 1), 30_000), options.signal);
    }
  }
}

async function transferOnce(options: FetchFileOptions, part: string): Promise<{ hub: HubFileInfo; finalUrl: string }> {
  // Opened before the request: once the response arrives its listeners must be attached without waiting
  // on the disk, or a connection dropped meanwhile loses its last bytes and never reports the end.
  const handle = await open(part, 'a');
  try {
    let offset = (await handle.stat()).size;
    if (options.expectedBytes !== null && offset > options.expectedBytes) {
      await handle.truncate(0);
      offset = 0;
    }
    if (options.expectedBytes !== null && offset === options.expectedBytes && offset > 0) {
      return { hub: { sha256: null, size: null, gitOid: null }, finalUrl: options.url.href };
    }
    const { response, url, hub } = await httpGet(options.url, {
      ...options,
      headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
      expectSha256: options.expectedSha256,
    });
    const where = `${options.name} from ${url.href}`;
    const start = startOf(response, offset, where);
    if (start === 'complete') return { hub, finalUrl: url.href };
    if (start === 'reset') {
      await handle.truncate(0);
      throw new TransientError(`${where}: the server refused to resume at byte ${offset}; starting over`);
    }
    const length = Number(header(response, 'content-length'));
    const total = Number.isSafeInteger(length) && header(response, 'content-length') ? start + length : null;
    await appendBody({
      response,
      handle,
      restart: start === 0 && offset > 0,
      start,
      total: total ?? options.expectedBytes,
      where,
      onBytes: options.onBytes,
    });
    return { hub, finalUrl: url.href };
  } finally {
    await handle.close();
  }
}

/**
 * Where the response's body starts in the file: 0 (a full body), `offset` (resumed), `complete` (a 416
 * for a part that already holds every byte) or `reset` (a 416 for a bad part). Anything else throws,
 * after consuming the response.
 */
function startOf(response: IncomingMessage, offset: number, where: string): number | 'complete' | 'reset' {
  const status = response.statusCode ?? 0;
  if (status === 200) return 0; // a server that ignores Range sends it all: the part starts over
  if (status === 206) {
    const start = rangeStart(response);
    if (start === offset) return start;
    response.resume();
    throw new TransientError(`${where}: asked for byte ${offset}, the server sent from ${String(start)}`);
  }
  response.resume();
  if (status === 416 && offset > 0) {
    // The server has nothing past our last byte (complete: the hash decides), or the part is bad.
    const total = /\/(\d+)$/.exec(header(response, 'content-range') ?? '')?.[1];
    return total !== undefined && Number(total) === offset ? 'complete' : 'reset';
  }
  const reason = `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
  if (status >= 500 || status === 429) throw new TransientError(`${where}: ${reason}`);
  const hint =
    status === 401 || status === 403
      ? ' (a gated repository or private mirror needs HF_TOKEN)'
      : status === 404
        ? ' (not at this revision or endpoint)'
        : '';
  throw new PolyseekError('DOWNLOAD_FAILED', `${where}: ${reason}${hint}`);
}

function rangeStart(response: IncomingMessage): number | null {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header(response, 'content-range') ?? '');
  return match ? Number(match[1]) : null;
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
