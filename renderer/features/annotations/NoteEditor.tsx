import { useEffect, useRef, useState } from 'react';

/**
 * The text of one of my annotations, editable in place and saved when the field is left.
 * Invariant: while the field has focus, what the member types is never replaced: a new stored
 * text arriving meanwhile (the server's acknowledgement of another change, a sync from their
 * other device) is not shown until they leave the field, and leaving saves their text (the
 * author's last write wins). Out of focus, the field follows the stored text, including a
 * refused change being rolled back.
 */
export function NoteEditor(props: {
  body: string;
  maxLength: number;
  label: string;
  onSave: (body: string) => void;
}) {
  const { body, onSave } = props;
  const [draft, setDraft] = useState(body);
  const focused = useRef(false);
  const stored = useRef(body);
  useEffect(() => {
    if (body === stored.current) return;
    stored.current = body;
    if (!focused.current) setDraft(body);
  }, [body]);

  return (
    <textarea
      className="annotation-item__editor"
      data-testid="annotation-body"
      aria-label={props.label}
      placeholder={props.label}
      value={draft}
      maxLength={props.maxLength}
      onFocus={() => {
        focused.current = true;
      }}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={() => {
        focused.current = false;
        if (draft !== stored.current) onSave(draft);
      }}
    />
  );
}
