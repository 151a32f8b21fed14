// Form building blocks in the GOV.UK pattern: an error summary at the top that links to each
// field in error, and fields with a label, an optional hint and their own error message.
import type { ComponentChildren, TargetedMouseEvent } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import type { FormError } from '../lib/problems.ts';

export function ErrorSummary({ errors }: { errors: readonly FormError[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `error-summary-${useId()}`;
  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  const jump = (e: TargetedMouseEvent<HTMLAnchorElement>, field: string) => {
    const el = document.getElementById(field);
    if (!el) return;
    e.preventDefault();
    (el.closest('.field') ?? el).scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  };
  return (
    <div class="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <h2 id={titleId}>{t('errors.summaryTitle')}</h2>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.field ? (
              <a href={`#${e.field}`} onClick={(ev) => jump(ev, e.field!)}>
                {e.message}
              </a>
            ) : (
              e.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface InputProps {
  type?: 'text' | 'password' | 'search' | 'email';
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'email';
  maxLength?: number;
  autoCapitalize?: 'none' | 'off';
  spellcheck?: boolean;
  class?: string;
}

export function Field(props: InputProps & { id: string; label: string; hint?: string; error?: string; value: string; onValue: (v: string) => void }) {
  const { id, label, hint, error, value, onValue, class: cls, type, ...rest } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{t('errors.prefix')} </span>
          {error}
        </p>
      )}
      <input
        {...rest}
        // The DOM typings split <input> by type; every type used here takes the same attributes.
        type={(type ?? 'text') as 'text'}
        class={`input${cls ? ` ${cls}` : ''}`}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
    </div>
  );
}

export function SelectField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onValue: (v: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  const { id, label, hint, error, value, onValue, options } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{t('errors.prefix')} </span>
          {error}
        </p>
      )}
      <select class="input" id={id} name={id} value={value} aria-describedby={describedBy} onChange={(e) => onValue((e.target as HTMLSelectElement).value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A short confirmation after an action, announced to screen readers. */
export function Notice({ children, kind = 'success' }: { children: ComponentChildren; kind?: 'success' | 'info' | 'warning' }) {
  return (
    <div class={`notice notice--${kind}`} role="status">
      {children}
    </div>
  );
}
