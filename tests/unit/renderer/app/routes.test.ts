import { describe, expect, it } from 'vitest';

import { routeFromHash, routeHref } from '../../../../renderer/src/app/routes';

describe('routeFromHash', () => {
  it('maps #/<id> to its page and anything else to Search', () => {
    expect(routeFromHash('#/settings').label).toBe('Settings');
    expect(routeFromHash('#/models/extra').label).toBe('Models');
    // The Ask panel's "connect a model" link: the Settings page, which scrolls to its Answers panel.
    expect(routeFromHash('#/settings/answers').id).toBe('settings');
    expect(routeFromHash('').label).toBe('Search');
    expect(routeFromHash('#/nope').label).toBe('Search');
  });

  it('knows the first-run guide, which is not in the navigation list', () => {
    expect(routeFromHash('#/setup').id).toBe('setup');
    expect(routeFromHash(routeHref('setup')).label).toBe('Set up');
  });

  it('round-trips with routeHref', () => {
    expect(routeFromHash(routeHref('evaluate')).id).toBe('evaluate');
  });
});
