import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS } from '../../shared';
import { chromiumAvailability } from './support/browser';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const ACCEPTED = {
  licenseId: 'CC-BY-NC-4.0',
  modelId: 'jinaai/jina-embeddings-v3',
  nonCommercialOnly: true,
  acceptedAt: '2025-01-02T03:04:05.000Z',
};
const chromiumState = chromiumAvailability();

describe.skipIf(chromiumState.skip)('settings file problems are shown, not hidden', () => {
  const world = useE2eWorld({ requires: [chromiumState] });

  it('names the fields reset to defaults when the file had invalid values', async () => {
    const { page, errors } = world.browser;
    const damaged = { ...DEFAULT_SETTINGS, encoder: { ...DEFAULT_SETTINGS.encoder, dims: 300 }, license: ACCEPTED };
    const server = await world.servers.start({ files: { 'settings.json': JSON.stringify(damaged) } });
    await page.goto(`${server.url}/#/settings`);

    const banner = page.getByRole('alert').filter({ hasText: 'The settings file could not be read' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('encoder.dims');
    expect(await page.getByLabel('Dimensions').inputValue()).toBe('1024');
    await screenshot(page, '11-settings-corrupt');
    expect(errors).toEqual([]);
  });

  it('keeps a file from a newer Polyseek read-only', async () => {
    const { page, errors } = world.browser;
    const newer = { ...DEFAULT_SETTINGS, version: DEFAULT_SETTINGS.version + 1, license: ACCEPTED };
    const server = await world.servers.start({ files: { 'settings.json': JSON.stringify(newer) } });
    await page.goto(`${server.url}/#/settings`);

    await page.getByRole('alert').filter({ hasText: 'written by a newer Polyseek' }).waitFor();
    expect(await page.getByLabel('Dimensions').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Save settings' }).isDisabled()).toBe(true);
    await screenshot(page, '12-settings-too-new');
    expect(errors).toEqual([]);
  });
});
