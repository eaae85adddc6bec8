import { NotFoundCard } from '@/components/ui/not-found-card';

export default function ExecutionNotFound() {
  return (
    <NotFoundCard
      title="No such execution"
      message="Nothing by that name exists for this state machine. It may have been started elsewhere, or the link may be mistyped."
    />
  );
}
