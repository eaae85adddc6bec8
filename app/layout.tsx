import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import '@xyflow/react/dist/base.css';
import './globals.css';
import { Providers } from '@/components/ui/providers';
import { SiteHeader } from '@/components/ui/site-header';
import { ThemeScript } from '@/components/ui/theme';
import { AccessProvider } from '@/components/access/access-context';
import { viewerAccess } from '@/lib/access/server';

export const metadata: Metadata = {
  title: { default: 'Saga Dashboard', template: '%s · Saga Dashboard' },
  description: 'Start order sagas with failure switches and watch them run and compensate, live.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Set by proxy.ts for this request; reading it also makes every page render per request,
  // which a nonce needs.
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  const access = await viewerAccess();
  return (
    // The theme script sets data-theme before hydration; React must accept the DOM's value.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript nonce={nonce} />
      </head>
      <body>
        <Providers>
          <AccessProvider value={{ mode: access.mode, canWrite: access.canWrite, writable: access.writable, sagaArn: access.sagaArn }}>
            <SiteHeader access={access} />
            {children}
          </AccessProvider>
        </Providers>
      </body>
    </html>
  );
}
