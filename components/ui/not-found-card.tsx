import Link from 'next/link';

/** A page in place of what could not be shown: 404 by default, or 401/403 for what this viewer may not see or do. */
export function NotFoundCard({ title, message, code = 404, action }: { title: string; message: string; code?: 401 | 403 | 404; action?: { href: string; label: string } }) {
  return (
    <main className="page">
      <section
        className="card"
        style={{ padding: '2.5rem', maxWidth: '44rem', margin: '3rem auto', textAlign: 'center' }}
        data-testid="not-found"
      >
        <p className="card__title">{code}</p>
        <h1 style={{ fontSize: '2rem', margin: '0.5rem 0 1rem' }}>{title}</h1>
        <p style={{ color: 'var(--text-muted)' }}>{message}</p>
        <Link href={action?.href ?? '/'} className="btn btn--primary" style={{ marginTop: '1rem' }}>
          {action?.label ?? 'Start a new order'}
        </Link>
      </section>
    </main>
  );
}
