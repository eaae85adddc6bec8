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
  rankSep: 34,
  groupPadding: 20,
  groupHeader: 72,
};

/**
 * Presenter mode: boxes for 30 px titles, rows closer together, so the saga fills a
 * 1280x720 projector at about full size (titles stay at least 24 px on screen).
 */
export const PRESENT_LAYOUT_OPTIONS = {
  ...LAYOUT_OPTIONS,
  nodeWidth: 360,
  nodeHeight: 92,
  rankSep: 30,
} as const;

export const layoutDefinition = (definition: AslDefinition, options: typeof LAYOUT_OPTIONS = LAYOUT_OPTIONS): LaidOutGraph =>
  layoutGraph(buildGraph(definition), options);
