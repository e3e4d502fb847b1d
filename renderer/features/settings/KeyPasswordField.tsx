/**
 * The password of the member's signing key (PKCS#12): a labelled password field that browsers
 * do not offer to remember. Used where the key is imported or used to sign.
 */
export function KeyPasswordField(props: {
  /** The input's id; the label points at it. */
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  return (
    <label className="field" htmlFor={props.id}>
      <span className="field__label">{props.label}</span>
      <input
        id={props.id}
        className="field__input"
        type="password"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={props.testId}
      />
    </label>
  );
}
