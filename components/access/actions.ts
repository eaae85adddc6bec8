'use server';

import { redirect } from 'next/navigation';
import { signIn, signOut } from '@/lib/access/server';

export type SignInState = { status: 'idle' } | { status: 'refused'; message: string; rateLimited: boolean };

/** Only a path on this site: `next=//evil.example` or an absolute URL would be an open redirect. */
const localPath = (value: FormDataEntryValue | null): string =>
  typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const secret = form.get('secret');
  const result = await signIn(typeof secret === 'string' ? secret : '');
  if (!result.ok) return { status: 'refused', message: result.refusal.message, rateLimited: result.refusal.status === 429 };
  redirect(localPath(form.get('next')));
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect('/');
}
