import type { RedrivePlan } from '@/lib/history/redrive-plan';
import type { StillToUndo } from '@/lib/history/still-to-undo';

/**
 * What a Redrive would do and what a stuck rollback still has to undo, read once per reading
 * by the execution view and handed to the header's actions and the recovery panel alike.
 */
export type Recovery = { plan: RedrivePlan; undo: StillToUndo | undefined };
