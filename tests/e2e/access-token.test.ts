import { describe, expect, it } from 'vitest';

import { LICENSE_TERMS } from '../../shared';
import { chromiumAvailability } from './support/browser';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const TOKEN = 'e2e-access-token-4f1c';
const chromiumState = chromiumAvailability();

describe.skipIf(chromiumState.skip)('access token screen (server started with a token)', () => {
  const world = useE2eWorld({ requires: [chromiumState] });

  it('asks for the token, says when it is refused, and connects with the right one', async () => {
    const { page, errors } = world.browser;
    const server = await world.servers.start({ env: { POLYSEEK_TOKEN: TOKEN } });
    await page.goto(server.url);

    const tokenField = page.getByLabel('Access token');
    await tokenField.waitFor();
    await screenshot(page, '10-access-token');

    await tokenField.fill('not-the-token');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('The server refused that token').waitFor();

    await page.getByLabel('Access token').fill(TOKEN);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('heading', { level: 1, name: LICENSE_TERMS.title }).waitFor();

    // The token lives in sessionStorage: a reload goes straight back to the licence screen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: LICENSE_TERMS.title }).waitFor();

    // Chromium logs every refused request; those for the wrong token are expected, nothing else is.
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
