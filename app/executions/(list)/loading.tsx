/** In a route group so this loading state wraps the list only, not the execution pages under [name]. */
import { ListSkeleton } from '@/components/executions/list-skeleton';

export default function Loading() {
  return <ListSkeleton />;
}
