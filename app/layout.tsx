import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import '@xyflow/react/dist/base.css';
import './globals.css';
import { Providers } from '@/components/ui/providers';
import { SiteHeader } from '@/components/ui/site-header';
import { ThemeScript } from '@/components/ui/theme';

export const metadata: Metadata = {
  title: { default: 'Saga Dashboard', template: '%s · Saga Dashboard' },
  description: 'Start order sagas with failure switches and watch them run and compensate, live.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before hydration; React must accept the DOM's value.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <Providers>
          <SiteHeader />
          {children}
        </Providers>
      </body>
    </html>
  );
}
