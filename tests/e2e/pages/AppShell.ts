import type { Locator, Page } from '@playwright/test';

/** The frame around every screen: header, connection indicator, navigation. */
export class AppShell {
  readonly page: Page;
  readonly appName: Locator;
  readonly connectionIndicator: Locator;
  readonly navMeetings: Locator;
  readonly navSettings: Locator;

  constructor(page: Page) {
    this.page = page;
    this.appName = page.getByTestId('app-name');
    this.connectionIndicator = page.getByTestId('connection-indicator');
    this.navMeetings = page.getByTestId('nav-meetings');
    this.navSettings = page.getByTestId('nav-settings');
  }
}
