import { type ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  hint?: string;
  /** Renders the control, wired to the label (and hint) by id. */
  children: (ids: { id: string; describedBy: string | undefined }) => ReactNode;
}

/** A label above its control, and an optional hint read out with it. */
export function FormField({ label, hint, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy: hint ? hintId : undefined })}
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
