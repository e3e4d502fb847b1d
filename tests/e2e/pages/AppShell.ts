import type { Locator, Page } from '@playwright/test';

/** The frame around every screen: header, connection indicator, navigation, user, banner. */
export class AppShell {
  readonly page: Page;
  readonly appName: Locator;
  readonly connectionIndicator: Locator;
  readonly navMeetings: Locator;
  readonly navSettings: Locator;
  readonly userMenu: Locator;
  readonly userName: Locator;
  readonly logout: Locator;
  /** Shown while signed in and the core reports `offline`. */
  readonly offlineBanner: Locator;

  constructor(page: Page) {
    this.page = page;
    this.appName = page.getByTestId('app-name');
    this.connectionIndicator = page.getByTestId('connection-indicator');
    this.navMeetings = page.getByTestId('nav-meetings');
    this.navSettings = page.getByTestId('nav-settings');
    this.userMenu = page.getByTestId('user-menu');
    this.userName = page.getByTestId('user-name');
    this.logout = page.getByTestId('logout');
    this.offlineBanner = page.getByTestId('offline-banner');
  }
}
