/**
 * A definition's graph laid out for the dashboard's node boxes: what every page that
 * draws a state machine hands to FlowGraph. Pure, so it runs on the server and, for an
 * imported file, in the browser.
 */
import { buildGraph } from '@/lib/asl/graph';
import { layoutGraph } from '@/lib/asl/layout';
import type { AslDefinition, LaidOutGraph } from '@/lib/asl/types';

/** Node boxes for layoutGraph: two lines of large text need more room than its defaults. */
export const LAYOUT_OPTIONS = {
  nodeWidth: 252,
  nodeHeight: 64,
  nodeSep: 40,
  rankSep: 44,
  groupPadding: 20,
  groupHeader: 72,
} as const;

export const layoutDefinition = (definition: AslDefinition): LaidOutGraph => layoutGraph(buildGraph(definition), LAYOUT_OPTIONS);
