import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell.ts';

/** The meetings list (renderer/features/meetings/MeetingsScreen.tsx). */
export class MeetingsPage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly screen: Locator;
  readonly list: Locator;
  readonly cards: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.screen = page.getByTestId('meetings-screen');
    this.list = page.getByTestId('meetings-list');
    this.cards = page.getByTestId('meeting-card');
  }

  /** One meeting's card, by id. */
  card(meetingId: string): Locator {
    return this.page.locator(`[data-testid="meeting-card"][data-meeting-id="${meetingId}"]`);
  }

  /** Goes to the list from the navigation. */
  async open(): Promise<void> {
    await this.shell.navMeetings.click();
    await expect(this.screen).toBeVisible();
  }

  /** Opens a meeting from its card (waits for the card: the list fills as the device syncs). */
  async openMeeting(meetingId: string): Promise<void> {
    await this.card(meetingId).getByTestId('meeting-link').click();
  }
}
