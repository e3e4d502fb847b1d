import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell.ts';

/** The Settings screen (renderer/features/settings). */
export class SettingsPage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly screen: Locator;
  readonly title: Locator;
  readonly serverUrl: Locator;
  readonly serverUrlError: Locator;
  readonly language: Locator;
  readonly save: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.screen = page.getByTestId('settings-screen');
    this.title = this.screen.getByRole('heading', { level: 1 });
    this.serverUrl = page.getByTestId('settings-server-url');
    this.serverUrlError = page.getByTestId('settings-server-url-error');
    this.language = page.getByTestId('settings-language');
    this.save = page.getByTestId('settings-save');
    this.status = page.getByTestId('settings-status');
  }

  /** Opens Settings from the navigation and waits until the form shows the stored values. */
  async open(): Promise<void> {
    await this.shell.navSettings.click();
    await expect(this.screen).toBeVisible();
    await expect(this.serverUrl).toBeVisible();
  }

  /** Chooses a display language; it is saved at once. */
  async chooseLanguage(language: 'en' | 'vi'): Promise<void> {
    await this.language.selectOption(language);
  }

  /** Imports a PKCS#12 file (its name, its bytes) with its password in the certificate panel
   * of the open Settings screen, and waits until the panel says it is imported. */
  async importCertificate(file: { name: string; p12: Uint8Array }, password: string) {
    const cert = this.page.getByTestId('certificate-import');
    await cert.getByTestId('certificate-file').setInputFiles({
      name: file.name,
      mimeType: 'application/x-pkcs12',
      buffer: Buffer.from(file.p12),
    });
    await cert.getByTestId('certificate-password').fill(password);
    await cert.getByTestId('certificate-submit').click();
    await expect(cert.getByTestId('certificate-imported')).toBeVisible({ timeout: 15_000 });
  }

  /** Types a server URL and presses Save. */
  async submitServerUrl(url: string): Promise<void> {
    await this.serverUrl.fill(url);
    await this.save.click();
  }
}
