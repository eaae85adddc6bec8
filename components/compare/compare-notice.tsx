import styles from './compare.module.css';

/**
 * A problem another name fixes (not a name, no such execution). Not the shared ErrorBanner:
 * its Retry would ask again for the same thing; the picker above is the fix.
 */
export function CompareNotice({ title, message }: { title: string; message: string }) {
  return (
    <div className={`banner banner--quiet ${styles.notice}`} role="alert" data-testid="compare-problem">
      <div className="banner__body">
        <div className="banner__title">{title}</div>
        <div>{message}</div>
      </div>
    </div>
  );
}
