/**
 * The page a reader is on: the first page whose bottom lies below a line 30% down the visible
 * area. `pages` are the page elements in order, positioned inside the scrolling `container`.
 * 1-based; 1 for an empty list.
 */
export function currentPage(container: HTMLElement, pages: readonly HTMLElement[]): number {
  const line = container.scrollTop + container.clientHeight * 0.3;
  for (let index = 0; index < pages.length; index += 1) {
    const page = pages[index];
    if (page && page.offsetTop + page.offsetHeight > line) return index + 1;
  }
  return Math.max(1, pages.length);
}
