/** In a route group so this loading state wraps the start page only: above every page it would start each response
 * before a page could answer 404 (see app/executions/[name]/page.tsx). */
import { StartSkeleton } from '@/components/start/start-skeleton';

export default function Loading() {
  return <StartSkeleton />;
}
