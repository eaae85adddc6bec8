import { NotFoundCard } from '@/components/ui/not-found-card';

export default function Unauthorized() {
  return (
    <NotFoundCard
      code={401}
      title="Only the operator can do that"
      message="Watching needs no sign-in; starting, stopping and redriving do. Nothing was changed."
      action={{ href: '/sign-in', label: 'Sign in' }}
    />
  );
}
