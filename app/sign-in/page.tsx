import type { Metadata } from 'next';
import { SignInForm } from '@/components/access/sign-in-form';
import { viewerAccess } from '@/lib/access/server';

export const metadata: Metadata = { title: 'Sign in' };

/** The operator's sign-in, for a shared dashboard; the others say why there is none. */
export default async function SignInPage({ searchParams }: PageProps<'/sign-in'>) {
  const access = await viewerAccess();
  const { next } = await searchParams;
  return (
    <main className="page">
      <section className="card" style={{ padding: '2rem', maxWidth: '32rem', margin: '3rem auto' }}>
        <h1 style={{ marginTop: 0 }}>Operator sign-in</h1>
        {access.mode === 'shared' && !access.signedIn && (
          <>
            <p>Everyone can watch. Starting, stopping and redriving need the operator&apos;s secret (DASHBOARD_SECRET).</p>
            <SignInForm next={typeof next === 'string' ? next : '/'} />
          </>
        )}
        {access.mode === 'shared' && access.signedIn && <p data-testid="signed-in">You are signed in as the operator.</p>}
        {access.mode === 'local' && <p>This dashboard runs in local mode: it listens on this machine only, and needs no sign-in.</p>}
        {access.mode === 'read-only' && <p>This dashboard is read-only: nobody can start, stop or redrive from it.</p>}
      </section>
    </main>
  );
}
