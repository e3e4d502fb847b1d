import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, hrefFor, routeFromHash } from '../../renderer/app/router/routes.ts';

describe('routes', () => {
  it.each([
    ['#/settings', 'settings'],
    ['#settings', 'settings'],
    ['#/meetings', 'meetings'],
    ['#/settings/extra', 'settings'],
    ['', DEFAULT_ROUTE],
    ['#/', DEFAULT_ROUTE],
    ['#/nowhere', DEFAULT_ROUTE],
    ['#/__proto__', DEFAULT_ROUTE],
  ])('reads %j as %s', (hash, route) => {
    expect(routeFromHash(hash)).toBe(route);
  });

  it('builds hash hrefs that read back to the same route', () => {
    expect(hrefFor('settings')).toBe('#/settings');
    expect(routeFromHash(hrefFor('settings'))).toBe('settings');
  });
});
