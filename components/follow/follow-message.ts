import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';

export const FOLLOW_STREAM_URL = '/api/follow/stream';
export const FOLLOW_EVENT = 'follow';

/**
 * What the follow stream tells each viewer, on connect and at each move of the presenter:
 * the execution to draw (its events then come over its own shared stream, from the first)
 * or why there is none.
 */
export type FollowMessage =
  | { name: string; executionArn: string; streamUrl: string; layout: LaidOutGraph; definition: AslDefinition }
  | { waiting: string; name?: string };
