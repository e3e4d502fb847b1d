import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell.ts';

/** The paper reader (renderer/features/papers/PaperScreen.tsx and renderer/pdf/). */
export class PaperPage {
  readonly page: Page;
  readonly shell: AppShell;
  /** `data-state` = loading / error / ready. */
  readonly view: Locator;
  readonly title: Locator;
  /** What the core refused; `data-code` = NOT_CACHED / INTEGRITY_FAILED / … */
  readonly error: Locator;
  /** `data-state` = loading / ready. */
  readonly reader: Locator;
  readonly pdfError: Locator;

  constructor(page: Page) {
    this.page = page;
    this.shell = new AppShell(page);
    this.view = page.getByTestId('paper-view');
    this.title = page.getByTestId('paper-title');
    this.error = page.getByTestId('paper-error');
    this.reader = page.getByTestId('reader');
    this.pdfError = page.getByTestId('pdf-error');
  }

  /** Page `n`'s wrapper; `data-rendered="true"` once drawn. */
  pdfPage(n: number): Locator {
    return this.page.getByTestId(`pdf-page-${n}`);
  }
}
