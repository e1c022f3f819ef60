import { describe, expect, it } from 'vitest';

import { JobQueue } from '../../../../electron/engine/indexer/job-queue';

describe('JobQueue', () => {
  it('merges watcher batches into one changes job, and lets a full run of every root absorb them', () => {
    const queue = new JobQueue();
    queue.add({ kind: 'changes', paths: new Set(['/r/a']) });
    queue.add({ kind: 'changes', paths: new Set(['/r/b', '/r/a']) });
    expect(queue.take()).toEqual({ kind: 'changes', paths: new Set(['/r/a', '/r/b']) });
    expect(queue.take()).toBeNull();

    queue.add({ kind: 'changes', paths: new Set(['/r/a']) });
    queue.add({ kind: 'vectors' });
    queue.add({ kind: 'full' });
    expect(queue.take()).toEqual({ kind: 'full' });
    expect(queue.take()).toBeNull();
  });

  it('keeps changes of other roots after a full run of some roots, runs retries before changes', () => {
    const queue = new JobQueue();
    queue.add({ kind: 'changes', paths: new Set(['/s/x']) });
    queue.add({ kind: 'full', roots: ['/r'] });
    queue.add({ kind: 'full', roots: ['/t'], rehash: true });
    queue.add({ kind: 'retry', retry: ['/r/bad.pdf'] });
    expect(queue.take()).toEqual({ kind: 'full', roots: ['/r', '/t'], rehash: true });
    expect(queue.take()).toEqual({ kind: 'retry', retry: ['/r/bad.pdf'] });
    expect(queue.take()).toEqual({ kind: 'changes', paths: new Set(['/s/x']) });
    queue.add({ kind: 'retry', retry: ['/a'] });
    queue.add({ kind: 'retry' });
    expect(queue.take()).toEqual({ kind: 'retry' });
    queue.add({ kind: 'vectors' });
    queue.clear();
    expect(queue.take()).toBeNull();
  });
});
