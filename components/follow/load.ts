import 'server-only';
import { drawingOf } from '@/components/graph/drawing';
import { followedExecution } from '@/lib/executions/follow-server';
import type { Followed } from '@/lib/executions/follow';
import { statusOnlyStreamUrl } from '@/lib/live/status-only';
import { attempt, executionArnFor, sagaStateMachineArn } from '@/lib/sfn';
import { executionApiPath } from '@/lib/executions/urls';
import { FOLLOW_EVENT, type FollowMessage } from './follow-message';

type Target = Omit<Followed, 'since'>;

/** Encoded `follow` messages by execution: a room of 500 gets one JSON.stringify per move, not 500. */
const frames = new Map<string, Promise<Uint8Array>>();
const FRAMES_KEPT = 16;

const encode = (message: FollowMessage) => new TextEncoder().encode(`event: ${FOLLOW_EVENT}\ndata: ${JSON.stringify(message)}\n\n`);

async function messageFor(target: Target): Promise<FollowMessage> {
  const executionArn = executionArnFor(target.stateMachineArn ?? sagaStateMachineArn(), target.name);
  const drawn = await attempt(() => drawingOf(executionArn));
  if (!drawn.ok) return { waiting: drawn.error.message, name: target.name };
  const streamUrl = statusOnlyStreamUrl(executionApiPath(target.name, 'stream', target.stateMachineArn));
  return { name: target.name, executionArn, ...drawn.value, streamUrl };
}

/**
 * The `follow` frame for an execution, built and encoded once for every viewer. A failed read
 * is not kept, so the next viewer (or the next move) tries again.
 */
export function followFrame(target: Target): Promise<Uint8Array> {
  const key = `${target.stateMachineArn ?? ''}|${target.name}`;
  const known = frames.get(key);
  if (known) return known;
  const built = messageFor(target).then((message) => {
    if ('waiting' in message) frames.delete(key);
    return encode(message);
  });
  frames.set(key, built);
  if (frames.size > FRAMES_KEPT) frames.delete(frames.keys().next().value as string);
  return built;
}

/** The frame for whatever the room follows now: the recorded execution, else the newest saga one. */
export async function currentFollowFrame(): Promise<Uint8Array> {
  const followed = await attempt(() => followedExecution());
  if (!followed.ok) return encode({ waiting: followed.error.message });
  if (!followed.value) return encode({ waiting: 'Waiting for the presenter to start an execution.' });
  return followFrame(followed.value);
}
