import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell.ts';

/**
 * What a member writes on the meeting screen: an item's comment thread, its votes and the sync
 * panel (renderer/README.md, test ids). Locators only; the spec asserts.
 */
export class MeetingWritePage {
  readonly page: Page;
  readonly shell: AppShell;
  readonly syncPanelToggle: Locator;
  /** Refused changes in the sync panel (`data-code`, `data-mutation-id`). */
  readonly rejectedMutations: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.syncPanelToggle = page.getByTestId('sync-panel-toggle');
    this.rejectedMutations = page.getByTestId('rejected-mutation');
  }

  /** One agenda item's comment thread. */
  thread(itemId: string): Locator {
    return this.page.locator(`[data-testid="comment-thread"][data-item-id="${itemId}"]`);
  }

  /** The comments of an item whose text is `body` (`data-state` = pending / synced / rejected). */
  comment(itemId: string, body: string): Locator {
    return this.thread(itemId)
      .getByTestId('comment')
      .filter({ has: this.page.getByTestId('comment-body').getByText(body, { exact: true }) });
  }

  /** Writes a new comment on the item through its thread's box. */
  async writeComment(itemId: string, body: string): Promise<void> {
    // The thread's own box is its direct child form (reply and edit boxes sit inside a comment).
    const form = this.thread(itemId).locator(':scope > form');
    await form.getByTestId('comment-input').fill(body);
    await form.getByTestId('comment-submit').click();
  }

  /** One vote (`data-status` = open / closed). */
  vote(voteId: string): Locator {
    return this.page.locator(`[data-testid="vote"][data-vote-id="${voteId}"]`);
  }

  /** My ballot on a vote (`data-state` = none / pending / counted / rejected). */
  myBallot(voteId: string): Locator {
    return this.vote(voteId).getByTestId('vote-my-ballot');
  }

  /** The vote's counts (`data-for`, `data-against`, `data-abstain`). */
  counts(voteId: string): Locator {
    return this.vote(voteId).getByTestId('vote-counts');
  }

  async cast(voteId: string, choice: 'for' | 'against' | 'abstain'): Promise<void> {
    await this.vote(voteId).getByTestId(`vote-choice-${choice}`).click();
  }
}
