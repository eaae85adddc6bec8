import type { ReactNode } from 'react';
import styles from './detail.module.css';

/** A row of toggle buttons of which exactly one is pressed: the detail views' view switches. */
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  testId,
  children,
}: {
  /** what the group switches, for screen readers */
  label: string;
  options: readonly T[];
  value: T;
  onChange: (option: T) => void;
  /** `<testId>-<option>` on each button */
  testId: string;
  /** each option's button content */
  children: (option: T) => ReactNode;
}) {
  return (
    <div className={styles.segmented} role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={value === option}
          className={styles.segment}
          data-testid={`${testId}-${option}`}
          onClick={() => onChange(option)}
        >
          {children(option)}
        </button>
      ))}
    </div>
  );
}
