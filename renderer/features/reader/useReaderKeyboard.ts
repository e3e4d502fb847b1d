import { useEffect, useRef, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { isTextEntry, readerKeyCommand, type ReaderKeyCommand } from './readerKeyCommand.ts';

/**
 * Wires `run` to the keyboard: ctrl/⌘ shortcuts (find, zoom) from anywhere on the screen
 * (a window listener, while the reader is mounted), reading keys from inside the reader (the
 * returned handler, for its root's onKeyDown). `run` returns false to leave a key to the
 * browser; otherwise the browser's default is prevented.
 */
export function useReaderKeyboard(
  run: (command: ReaderKeyCommand) => boolean,
): (event: ReactKeyboardEvent) => void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
      const command = readerKeyCommand(event, isTextEntry(event.target));
      if (command && runRef.current(command)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (event) => {
    if (event.ctrlKey || event.metaKey) return;
    const command = readerKeyCommand(event, isTextEntry(event.target));
    if (command && runRef.current(command)) event.preventDefault();
  };
}
