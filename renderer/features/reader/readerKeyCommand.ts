export type ReaderKeyCommand =
  | 'find'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset'
  | 'pageDown'
  | 'pageUp'
  | 'lineDown'
  | 'lineUp'
  | 'first'
  | 'last'
  | 'previousPage'
  | 'nextPage';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** True for elements where keys edit or choose (typing Home there must not scroll the paper). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type)
  );
}

/**
 * What a key does in the reader. Ctrl (⌘ on macOS) + F / + / − / 0: find, zoom in, zoom out,
 * back to fit width, anywhere on the paper screen. Without modifiers, and not while typing:
 * Page Up/Down a screen, arrows up/down a line, left/right the previous/next page, Home/End the
 * first/last page. Null: not ours, let the browser have it.
 */
export function readerKeyCommand(event: KeyLike, inTextEntry: boolean): ReaderKeyCommand | null {
  const command = event.ctrlKey || event.metaKey;
  if (command && !event.altKey) {
    switch (event.key) {
      case 'f':
      case 'F':
        return 'find';
      case '+':
      case '=':
        return 'zoomIn';
      case '-':
      case '_':
        return 'zoomOut';
      case '0':
        return 'zoomReset';
      default:
        return null;
    }
  }
  if (inTextEntry || event.altKey || command || event.shiftKey) return null;
  switch (event.key) {
    case 'PageDown':
      return 'pageDown';
    case 'PageUp':
      return 'pageUp';
    case 'ArrowDown':
      return 'lineDown';
    case 'ArrowUp':
      return 'lineUp';
    case 'ArrowLeft':
      return 'previousPage';
    case 'ArrowRight':
      return 'nextPage';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    default:
      return null;
  }
}
