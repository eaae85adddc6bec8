import { ExecutionSkeleton } from '@/components/execution/execution-skeleton';

export default function Loading() {
  return <ExecutionSkeleton />;
}
