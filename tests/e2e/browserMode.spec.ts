import { expect, test } from './fixtures/app.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { message } from './support/messages.ts';

// What only browser mode has: the launch secret in the page URL and the WebSocket bridge.
test.describe('browser mode', () => {
  test.skip(({ appHost }) => appHost !== 'web', 'browser mode only');

  test('the secret leaves the address bar, a reload stays connected, and the CSP is never violated', async ({
    app,
  }) => {
    const page = app.page;
    const cspViolations: string[] = [];
    page.on('console', (entry) => {
      if (/Content Security Policy/i.test(entry.text())) cspViolations.push(entry.text());
    });
    await expect(page.getByTestId('nav-settings')).toBeVisible();
    expect(new URL(page.url()).searchParams.has('s')).toBe(false);

    await page.goto(new URL('#/settings', page.url()).href);
    await page.reload();
    const settings = new SettingsPage(page);
    await expect(settings.screen).toBeVisible();
    await settings.chooseLanguage('en');
    await expect(settings.status).toContainText(message('en', 'settings.status.languageSaved'));
    expect(cspViolations).toEqual([]);
  });

  test('a page opened without the secret gets no bridge', async ({ app }) => {
    const origin = new URL(app.page.url()).origin;
    const stranger = await app.page.context().browser()!.newPage();
    try {
      await stranger.goto(`${origin}/`);
      // Fresh context: no secret in the URL or in sessionStorage, so no host bridge at all.
      await expect(stranger.getByTestId('settings-server-url')).toHaveCount(0);
      const refused = await stranger.evaluate(
        (url) =>
          new Promise<boolean>((resolve) => {
            const socket = new WebSocket(url);
            socket.onopen = () => resolve(false);
            socket.onclose = () => resolve(true);
          }),
        `${origin.replace('http', 'ws')}/bridge?s=${'x'.repeat(43)}`,
      );
      expect(refused).toBe(true);
    } finally {
      await stranger.close();
    }
  });
});
