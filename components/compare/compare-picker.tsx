import Form from 'next/form';
import styles from './compare.module.css';

/** The two names to compare, as a GET form: the result is a shareable /compare URL. */
export function ComparePicker({ a, b, sm }: { a?: string; b?: string; sm?: string }) {
  return (
    <Form action="/compare" className={styles.picker} data-testid="compare-picker">
      <label className={styles.pickerField}>
        <span>A</span>
        <input name="a" defaultValue={a} required placeholder="execution name" className={styles.input} autoComplete="off" />
      </label>
      <label className={styles.pickerField}>
        <span>B</span>
        <input name="b" defaultValue={b} required placeholder="execution name" className={styles.input} autoComplete="off" />
      </label>
      {sm && <input type="hidden" name="sm" value={sm} />}
      <button type="submit" className="btn btn--primary">
        Compare
      </button>
    </Form>
  );
}
