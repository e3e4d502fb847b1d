import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell.ts';

/** The sign-in screen (renderer/features/session/LoginScreen.tsx). */
export class LoginPage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly screen: Locator;
  readonly serverUrl: Locator;
  readonly username: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  /** Why signing in failed; `data-code` carries the typed code. */
  readonly error: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.screen = page.getByTestId('login-screen');
    this.serverUrl = page.getByTestId('login-server-url');
    this.username = page.getByTestId('login-username');
    this.password = page.getByTestId('login-password');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
  }

  /** Waits for the form with the server address the app has stored. */
  async expectShown(serverUrl: string): Promise<void> {
    await expect(this.screen).toBeVisible();
    await expect(this.serverUrl).toHaveValue(serverUrl);
  }

  /** Fills the form and submits it; the caller checks the outcome. */
  async signIn(username: string, password: string): Promise<void> {
    await this.username.fill(username);
    await this.password.fill(password);
    await this.submit.click();
  }
}
