import { NotFoundCard } from '@/components/ui/not-found-card';

export default function Forbidden() {
  return (
    <NotFoundCard
      code={403}
      title="Not on this dashboard"
      message="This dashboard does not allow that here: the state machine is not on its allow-list, or the dashboard is read-only. Nothing was changed."
      action={{ href: '/executions', label: 'See the executions' }}
    />
  );
}
