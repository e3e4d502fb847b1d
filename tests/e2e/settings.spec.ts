import { expect, test } from './fixtures/app.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { message } from './support/messages.ts';

const SERVER_URL = 'https://ecabinet.example.gov.vn';

test.describe('Settings', () => {
  test('language and server URL survive a restart of the app', async ({ app }) => {
    let settings = new SettingsPage(app.page);
    await settings.open();
    // First start: Vietnamese, no server.
    await expect(settings.title).toHaveText(message('vi', 'settings.title'));
    await expect(settings.serverUrl).toHaveValue('');

    await settings.chooseLanguage('en');
    await expect(settings.title).toHaveText(message('en', 'settings.title'));
    await expect(settings.status).toContainText(message('en', 'settings.status.languageSaved'));

    await settings.submitServerUrl(SERVER_URL);
    await expect(settings.status).toContainText(message('en', 'settings.status.serverSaved'));

    await app.restart();

    settings = new SettingsPage(app.page);
    // English from the first paint of the restarted app, before any navigation.
    await expect(settings.shell.navSettings).toHaveText(message('en', 'nav.settings'));
    await settings.open();
    await expect(settings.title).toHaveText(message('en', 'settings.title'));
    await expect(settings.serverUrl).toHaveValue(SERVER_URL);
    await expect(settings.language).toHaveValue('en');
  });

  test('an invalid server URL shows a validation error and nothing is saved', async ({ app }) => {
    let settings = new SettingsPage(app.page);
    await settings.open();
    await settings.submitServerUrl('ecabinet example gov vn');
    await expect(settings.serverUrlError).toHaveText(message('vi', 'validation.serverUrl.invalid'));
    await expect(settings.serverUrl).toHaveAttribute('aria-invalid', 'true');

    await settings.submitServerUrl('ftp://ecabinet.example.gov.vn');
    await expect(settings.serverUrlError).toHaveText(message('vi', 'validation.serverUrl.scheme'));

    await app.restart();

    settings = new SettingsPage(app.page);
    await settings.open();
    await expect(settings.serverUrl).toHaveValue('');
    await expect(settings.serverUrlError).toHaveCount(0);
  });
});
