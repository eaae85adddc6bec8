import 'server-only';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';
import { stepFunctions } from '@/lib/sfn';
import { createRevisionCache } from '@/lib/sfn/definition-cache';
import { layoutDefinition } from './layout';

export interface Drawing {
  definition: AslDefinition;
  layout: LaidOutGraph;
}

/**
 * An execution's machine, fetched and laid out once per state machine revision, with one
 * describe call per execution however many viewers open it at once (see
 * lib/sfn/definition-cache). The execution page and the follow view draw from the same cache.
 */
const drawings = createRevisionCache({
  describe: (executionArn) => stepFunctions().describeStateMachineForExecution(executionArn),
  derive: ({ definition }): Drawing => ({ definition, layout: layoutDefinition(definition) }),
  maxEntries: 500,
});

export const drawingOf = (executionArn: string): Promise<Drawing> => drawings.get(executionArn);
