import { useEffect, useState, type RefObject } from 'react';

/**
 * True while `target` is within about one screen of `root`'s visible area (IntersectionObserver
 * with a margin), so pages render just before they scroll into view and are released once far
 * away. Where IntersectionObserver does not exist every page counts as near (correct, only
 * eager).
 */
export function useNearViewport(target: RefObject<Element | null>, root: Element | null): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined');

  useEffect(() => {
    const element = target.current;
    if (!element || typeof IntersectionObserver === 'undefined') return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const last = entries.at(-1);
        if (last) setNear(last.isIntersecting);
      },
      { root, rootMargin: '100% 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [target, root]);

  return near;
}
