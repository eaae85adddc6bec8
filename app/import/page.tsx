import type { Metadata } from 'next';
import { ImportView } from '@/components/import/import-view';

export const metadata: Metadata = { title: 'Open an exported execution · Saga Dashboard' };

export default function ImportPage() {
  return (
    <main className="page">
      <ImportView />
    </main>
  );
}
