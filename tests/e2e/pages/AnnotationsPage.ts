import { expect, type Locator, type Page } from '@playwright/test';
import { PaperPage } from './PaperPage.ts';

export type AnnotationToolName = 'select' | 'highlight' | 'underline' | 'note' | 'ink' | 'eraser';

/**
 * The reader with its annotation tools (renderer/features/annotations): toolbar, the
 * annotations drawn on each page and the sidebar list. Locators and gestures; the spec asserts.
 */
export class AnnotationsPage extends PaperPage {
  readonly sidebar: Locator;
  readonly items: Locator;
  readonly needsAttention: Locator;

  constructor(page: Page) {
    super(page);
    this.sidebar = page.getByTestId('annotation-sidebar');
    this.items = this.sidebar.getByTestId('annotation-item');
    this.needsAttention = page.getByTestId('annotation-needs-attention');
  }

  tool(name: AnnotationToolName): Locator {
    return this.page.getByTestId(`annotation-tool-${name}`);
  }

  async chooseTool(name: AnnotationToolName): Promise<void> {
    await this.tool(name).click();
    await expect(this.tool(name)).toHaveAttribute('aria-pressed', 'true');
  }

  /** Page `n`'s text layer. */
  textLayer(n: number): Locator {
    return this.pdfPage(n).getByTestId('reader-text-layer');
  }

  /** Annotations drawn on page `n` (`data-id`, `data-kind`, `data-mine`). */
  shapes(n: number, kind?: string): Locator {
    const all = this.pdfPage(n).getByTestId('annotation-shape');
    return kind === undefined ? all : all.and(this.page.locator(`[data-kind="${kind}"]`));
  }

  /** One annotation drawn anywhere, by id. */
  shape(id: string): Locator {
    return this.page.locator(`[data-testid="annotation-shape"][data-id="${id}"]`);
  }

  /** The sidebar entry of annotation `id`. */
  item(id: string): Locator {
    return this.page.locator(`[data-testid="annotation-item"][data-id="${id}"]`);
  }

  /** Page `n` drawn (its canvas painted). */
  async expectRendered(n: number): Promise<void> {
    await this.pdfPage(n).scrollIntoViewIfNeeded();
    await expect(this.pdfPage(n)).toHaveAttribute('data-rendered', 'true', { timeout: 20_000 });
  }

  /**
   * Selects `text` in page `n`'s text layer with the mouse, as a member does: press just inside
   * the start of the span holding it, drag to just inside its end, release.
   */
  async selectText(n: number, text: string): Promise<void> {
    const span = this.textLayer(n).getByText(text, { exact: true });
    await span.scrollIntoViewIfNeeded();
    const box = await span.boundingBox();
    if (!box) throw new Error(`"${text}" has no box on page ${n}`);
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width / 2, y, { steps: 4 });
    await this.page.mouse.move(box.x + box.width - 1, y, { steps: 4 });
    await this.page.mouse.up();
  }

  /**
   * A gesture on page `n` at fractions (0..1 from the top-left) of the part of the page that is
   * on screen (inside the reader's scrolling column and the window): a click for the note tool,
   * a drag through `points` for ink.
   */
  async drawOnPage(n: number, points: readonly (readonly [number, number])[]): Promise<void> {
    await this.pdfPage(n).scrollIntoViewIfNeeded();
    const box = await this.pdfPage(n).evaluate((el) => {
      const page = el.getBoundingClientRect();
      const column = el.closest('[data-testid="reader-viewport"]')?.getBoundingClientRect();
      const left = Math.max(page.left, column?.left ?? 0, 0);
      const top = Math.max(page.top, column?.top ?? 0, 0);
      const right = Math.min(page.right, column?.right ?? Infinity, window.innerWidth);
      const bottom = Math.min(page.bottom, column?.bottom ?? Infinity, window.innerHeight);
      return { x: left, y: top, width: right - left, height: bottom - top };
    });
    if (box.width < 50 || box.height < 50) throw new Error(`page ${n} is hardly on screen`);
    const at = ([fx, fy]: readonly [number, number]) => ({
      x: box.x + fx * box.width,
      y: box.y + fy * box.height,
    });
    const [first, ...rest] = points.map(at);
    if (!first) return;
    await this.page.mouse.move(first.x, first.y);
    await this.page.mouse.down();
    for (const p of rest) await this.page.mouse.move(p.x, p.y, { steps: 5 });
    await this.page.mouse.up();
  }
}
