import Link from 'next/link';

export function NotFoundCard({ title, message }: { title: string; message: string }) {
  return (
    <main className="page">
      <section
        className="card"
        style={{ padding: '2.5rem', maxWidth: '44rem', margin: '3rem auto', textAlign: 'center' }}
        data-testid="not-found"
      >
        <p className="card__title">404</p>
        <h1 style={{ fontSize: '2rem', margin: '0.5rem 0 1rem' }}>{title}</h1>
        <p style={{ color: 'var(--text-muted)' }}>{message}</p>
        <Link href="/" className="btn btn--primary" style={{ marginTop: '1rem' }}>
          Start a new order
        </Link>
      </section>
    </main>
  );
}
