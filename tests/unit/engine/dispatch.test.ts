import { describe, expect, it } from 'vitest';

import { createDispatcher } from '../../../electron/engine/dispatch';
import type { Handlers } from '../../../electron/engine/handlers';
import { DEFAULT_SETTINGS, LICENSE_ID, MODEL_ID, PolyseekError } from '../../../shared';

const view = { settings: DEFAULT_SETTINGS, path: '/tmp/settings.json', readOnly: false, problem: null };
const license = { accepted: false, licenseId: LICENSE_ID, modelId: MODEL_ID, acceptedAt: null } as const;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const notHere = () => Promise.reject(new Error('not in this test'));
  return {
    'app.info': () =>
      Promise.resolve({
        name: 'Polyseek' as const,
        version: '0.0.0',
        host: 'cli' as const,
        platform: 'linux',
        arch: 'x64',
        versions: { node: '20', electron: null, chrome: null },
        dataDir: '/tmp',
      }),
    'engine.status': () => Promise.resolve({ state: 'ready' as const, restarts: 0, message: null }),
    'settings.get': () => Promise.resolve(view),
    'settings.set': () => Promise.resolve(view),
    'license.status': () => Promise.resolve(license),
    'license.accept': () => Promise.resolve(license),
    'gpu.status': () => Promise.reject(new Error('not in this test')),
    embed: () => Promise.reject(new Error('not in this test')),
    'model.status': notHere,
    'model.download': notHere,
    'model.cancel': notHere,
    'model.locate': notHere,
    'model.verify': notHere,
    'model.quantize': notHere,
    'roots.list': notHere,
    'roots.add': notHere,
    'roots.update': notHere,
    'roots.remove': notHere,
    'index.start': notHere,
    'index.pause': notHere,
    'index.resume': notHere,
    'index.cancel': notHere,
    'index.status': notHere,
    'index.plan': notHere,
    'index.errors': notHere,
    'index.retry': notHere,
    'search.query': notHere,
    'file.open': notHere,
    'file.reveal': notHere,
    'answer.ask': notHere,
    'answer.cancel': notHere,
    'answer.status': notHere,
    'answer.check': notHere,
    'answer.setKey': notHere,
    'eval.run': notHere,
    'eval.resume': notHere,
    'eval.cancel': notHere,
    'eval.runs': notHere,
    'eval.report': notHere,
    'eval.testsets': notHere,
    'eval.judge': notHere,
    'explore.dupes': notHere,
    'explore.topics': notHere,
    'explore.cancel': notHere,
    'explore.jobs': notHere,
    'explore.report': notHere,
    'explore.points': notHere,
    'explore.pair': notHere,
    ...overrides,
  };
}

describe('createDispatcher', () => {
  it('runs a handler and returns its validated value', async () => {
    const dispatch = createDispatcher(handlers());
    expect(await dispatch('license.status', {})).toEqual({ ok: true, value: license });
  });

  it('refuses unknown names, including inherited properties', async () => {
    const dispatch = createDispatcher(handlers());
    for (const name of ['nope', 'constructor', '__proto__', 42, null]) {
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }
  });

  it('refuses invalid input before the handler runs', async () => {
    let ran = false;
    const dispatch = createDispatcher(handlers({ 'settings.set': () => ((ran = true), Promise.resolve(view)) }));
    const result = await dispatch('settings.set', { encoder: { dims: 'big' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(ran).toBe(false);
  });

  it('keeps the code of a PolyseekError and wraps anything else as INTERNAL with context', async () => {
    const typed = createDispatcher(
      handlers({ 'license.accept': () => Promise.reject(new PolyseekError('SETTINGS_TOO_NEW', 'newer file')) }),
    );
    expect(
      await typed('license.accept', { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true }),
    ).toEqual({
      ok: false,
      error: { code: 'SETTINGS_TOO_NEW', message: 'newer file' },
    });
    const unexpected: string[] = [];
    const plain = createDispatcher(handlers(), (name) => unexpected.push(name));
    expect(await plain('gpu.status', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'gpu.status: not in this test' },
    });
    expect(unexpected).toEqual(['gpu.status']);
  });

  it('reports a handler that breaks its own output schema', async () => {
    const dispatch = createDispatcher(
      handlers({ 'license.status': () => Promise.resolve({ ...license, accepted: 'yes' } as never) }),
      () => undefined,
    );
    expect(await dispatch('license.status', {})).toMatchObject({ ok: false, error: { code: 'INVALID_OUTPUT' } });
  });
});
