import { beforeEach, describe, expect, it } from 'vitest';

import { LICENSE_TERMS, SettingsViewSchema } from '../../shared';
import { chromiumAvailability } from './support/browser';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const PAGES = ['Search', 'Folders', 'Models', 'Evaluate', 'Settings'] as const;
const chromiumState = chromiumAvailability();

describe.skipIf(chromiumState.skip)('licence screen and navigation (server host, Chromium)', () => {
  const world = useE2eWorld({ requires: [chromiumState] });

  beforeEach(() => {
    world.browser.errors.splice(0);
  });

  it('asks for the licence first, then navigates every page and keeps saved settings', async () => {
    const { page, errors } = world.browser;
    const server = await world.servers.start();
    await page.goto(server.url);

    const licenceHeading = page.getByRole('heading', { level: 1, name: LICENSE_TERMS.title });
    await licenceHeading.waitFor();
    const acknowledgment = page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment });
    const accept = page.getByRole('button', { name: 'Accept and continue' });
    expect(await acknowledgment.isChecked()).toBe(false);
    expect(await accept.isDisabled()).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: /full licence/ }).getAttribute('href')).toBe(LICENSE_TERMS.url);
    await screenshot(page, '01-licence');

    await acknowledgment.check();
    expect(await accept.isEnabled()).toBe(true);
    await accept.click();

    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    expect(await page.getByText('Model features are off').count()).toBe(0);

    for (const [index, name] of PAGES.entries()) {
      await nav.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      for (const other of PAGES) {
        const current = await nav.getByRole('link', { name: other }).getAttribute('aria-current');
        expect(current, `aria-current of ${other} on the ${name} page`).toBe(other === name ? 'page' : null);
      }
      expect(new URL(page.url()).hash).toBe(`#/${name.toLowerCase()}`);
      await screenshot(page, `${String(index + 2).padStart(2, '0')}-${name.toLowerCase()}`);
    }

    await page.getByLabel('Dimensions').selectOption('256');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    expect(await savedDims(server.url)).toBe(256);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByLabel('Dimensions').inputValue()).toBe('256');
    expect(await licenceHeading.count()).toBe(0);
    await page.getByRole('contentinfo', { name: 'Status' }).getByText('Licence accepted').waitFor();
    await screenshot(page, '07-settings-after-reload');

    expect(errors).toEqual([]);
  });

  it('can continue without the model, with model features off until the licence is accepted in Settings', async () => {
    const { page, errors } = world.browser;
    const server = await world.servers.start();
    await page.goto(server.url);

    await page.getByRole('button', { name: 'Continue without the model' }).click();
    const banner = page.getByText('Model features are off');
    await banner.waitFor();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(await page.getByRole('radio', { name: /Semantic/ }).isDisabled()).toBe(true);
    await screenshot(page, '08-without-model-search');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await screenshot(page, '09-without-model-settings');
    await page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.getByRole('contentinfo', { name: 'Status' }).getByText('Licence accepted').waitFor();
    expect(await banner.count()).toBe(0);

    expect(errors).toEqual([]);
  });
});

/** What the server's settings file now says, read through the API rather than the UI. */
async function savedDims(url: string): Promise<number> {
  const response = await fetch(`${url}/api/commands/settings.get`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown };
  return SettingsViewSchema.parse(body.value).settings.encoder.dims;
}
