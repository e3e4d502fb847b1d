import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell.ts';

/** One meeting (renderer/features/meetings/MeetingDetailScreen.tsx). */
export class MeetingPage {
  readonly page: Page;
  readonly shell: AppShell;
  /** `data-state` = loading / error / ready. */
  readonly detail: Locator;
  readonly title: Locator;
  readonly agendaItems: Locator;
  readonly papers: Locator;
  /** "Available offline" for the whole meeting; `data-state` = none / partial / complete. */
  readonly offlineStatus: Locator;
  readonly makeOffline: Locator;
  /** Shown instead of the button where the OS offers no secret store (nothing is cached). */
  readonly offlineUnavailable: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.detail = page.getByTestId('meeting-detail');
    this.title = page.getByTestId('meeting-title');
    this.agendaItems = page.getByTestId('agenda-item');
    this.papers = page.getByTestId('paper');
    this.offlineStatus = page.getByTestId('meeting-offline-status');
    this.makeOffline = page.getByTestId('make-offline');
    this.offlineUnavailable = page.getByTestId('offline-unavailable');
  }

  async expectReady(): Promise<void> {
    await expect(this.detail).toHaveAttribute('data-state', 'ready');
  }

  /** One paper's download state (`data-state` of `paper-download`). */
  paperDownload(documentId: string): Locator {
    return this.page
      .locator(`[data-testid="paper"][data-document-id="${documentId}"]`)
      .getByTestId('paper-download');
  }

  /** Opens a paper from the agenda. */
  async openPaper(documentId: string): Promise<void> {
    await this.page.locator(`[data-testid="paper-link"][data-document-id="${documentId}"]`).click();
  }
}
