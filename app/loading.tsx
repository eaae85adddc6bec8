import { StartSkeleton } from '@/components/start/start-skeleton';

export default function Loading() {
  return <StartSkeleton />;
}
