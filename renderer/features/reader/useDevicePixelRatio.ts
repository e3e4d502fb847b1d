import { useEffect, useState } from 'react';

function current(): number {
  const ratio = window.devicePixelRatio;
  return typeof ratio === 'number' && Number.isFinite(ratio) && ratio > 0 ? ratio : 1;
}

/**
 * Device pixels per CSS pixel, updated when it changes (the window moves to another screen, or
 * the browser zoom changes), so pages are redrawn sharp.
 */
export function useDevicePixelRatio(): number {
  const [ratio, setRatio] = useState(current);

  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return undefined;
    const query = window.matchMedia(`(resolution: ${ratio}dppx)`);
    const onChange = (): void => setRatio(current());
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [ratio]);

  return ratio;
}
