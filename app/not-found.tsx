import { NotFoundCard } from '@/components/ui/not-found-card';

export default function NotFound() {
  return <NotFoundCard title="Page not found" message="There is nothing at this address. Check the link you followed." />;
}
