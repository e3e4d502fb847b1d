import type { ChangeEvent, Ref } from 'react';
import { MAX_SERVER_URL_LENGTH } from '../../../shared/domain/settings.ts';

export interface ServerUrlInputProps {
  ref?: Ref<HTMLInputElement>;
  id: string;
  value: string;
  invalid: boolean;
  describedBy: string | undefined;
  testId: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
}

/**
 * The server-address text field shared by the sign-in screen and Settings: a URL keyboard, no
 * autocorrect or autocapitalisation, and a length cap of twice the limit, so that a slightly
 * long paste still reaches validation and gets the "too long" message instead of being cut
 * silently into a different address.
 */
export function ServerUrlInput({ ref, id, value, invalid, describedBy, testId, onChange, onBlur }: ServerUrlInputProps) {
  return (
    <input
      ref={ref}
      id={id}
      name="serverUrl"
      className="field__input"
      type="text"
      inputMode="url"
      autoComplete="off"
      autoCapitalize="off"
      spellCheck={false}
      maxLength={MAX_SERVER_URL_LENGTH * 2}
      value={value}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={describedBy}
      data-testid={testId}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      onBlur={onBlur}
    />
  );
}
