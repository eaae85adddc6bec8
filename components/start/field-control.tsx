import type { SwitchField } from '@/lib/saga/fields';
import styles from './start.module.css';

/**
 * One input, rendered from the saga's field metadata (lib/saga/fields.ts), so a
 * new switch there shows up here without UI work. Errors sit next to their field.
 */
export function FieldControl({
  field,
  value,
  error,
  onChange,
}: {
  field: SwitchField;
  value: string | boolean;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const id = `field-${field.name}`;
  const testId = field.group === 'order' ? `field-${field.name}` : `switch-${field.name}`;
  const described = `${id}-help${error ? ` ${id}-error` : ''}`;
  const errorText = error && (
    <span id={`${id}-error`} className={styles.error} role="alert" data-testid={`error-${field.name}`}>
      {error}
    </span>
  );

  if (field.kind === 'boolean') {
    return (
      <div className={`${styles.switchRow}${value === true ? ` ${styles.switchOn}` : ''}`}>
        <label className={styles.switchLabel} htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            role="switch"
            name={field.name}
            className={styles.switchInput}
            checked={value === true}
            aria-checked={value === true}
            aria-describedby={described}
            data-testid={testId}
            onChange={(e) => onChange(e.target.checked)}
          />
          <span className={styles.switchTrack} aria-hidden="true" />
          <span className={styles.label}>{field.label}</span>
        </label>
        <span id={`${id}-help`} className={styles.help}>
          {field.help}
        </span>
        {errorText}
      </div>
    );
  }

  const input =
    field.kind === 'enum' ? (
      <select
        id={id}
        name={field.name}
        className={styles.input}
        value={String(value)}
        aria-invalid={Boolean(error)}
        aria-describedby={described}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">None</option>
        {field.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    ) : (
      <input
        id={id}
        name={field.name}
        className={styles.input}
        type={field.kind === 'text' ? 'text' : 'number'}
        inputMode={field.kind === 'integer' ? 'numeric' : field.kind === 'number' ? 'decimal' : undefined}
        step={field.kind === 'number' ? '0.01' : field.kind === 'integer' ? '1' : undefined}
        min={field.kind === 'text' ? undefined : field.min}
        max={field.kind === 'text' ? undefined : field.max}
        placeholder={field.kind === 'text' ? field.placeholder : undefined}
        value={String(value)}
        aria-invalid={Boolean(error)}
        aria-describedby={described}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    );

  return (
    <div className={`${styles.field}${error ? ` ${styles.fieldInvalid}` : ''}`}>
      <label htmlFor={id} className={styles.label}>
        {field.label}
        {field.kind !== 'text' && field.kind !== 'enum' && field.unit ? (
          <span className={styles.unit}> ({field.unit})</span>
        ) : null}
      </label>
      {input}
      <span id={`${id}-help`} className={styles.help}>
        {field.help}
      </span>
      {errorText}
    </div>
  );
}
