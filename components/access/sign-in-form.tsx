'use client';

import { useActionState } from 'react';
import { type SignInState, signInAction } from './actions';
import styles from './access.module.css';

const initial: SignInState = { status: 'idle' };

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, initial);
  return (
    <form action={action} className={styles.form} data-testid="sign-in-form">
      <input type="hidden" name="next" value={next} />
      <label htmlFor="operator-secret">Operator secret</label>
      <input
        id="operator-secret"
        name="secret"
        type="password"
        autoComplete="current-password"
        required
        className={styles.input}
        data-testid="sign-in-secret"
      />
      <button type="submit" className="btn btn--primary" disabled={pending} data-testid="sign-in-submit">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
      {state.status === 'refused' && (
        <p role="alert" className={styles.error} data-testid="sign-in-error" data-rate-limited={state.rateLimited}>
          {state.message}
        </p>
      )}
    </form>
  );
}
