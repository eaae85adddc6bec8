/** One history event applied to the tracker: the reader's state machine, one case per event kind. */
import type { GraphNode } from '../asl/types';
import { applyStateEvent } from './apply-state-event';
import { assignedVariablesOf, detailsOf, errorOf, stateNameOf } from './event-details';
import { meaningOf, type ContainerType } from './event-kinds';
import { isContainer, newThread, type Ctx, type Thread, type Tracker, type Visit } from './tracker';
import type { ExecutionStatus } from '../core/execution-status';
import type { ExecutionReading, HistoryEvent } from './types';
import { toEpochMs } from '../core/values';

/** The edges between two states, by kind group: what a transition between them can have taken. */
export interface Transition {
  /** the next/choice/default edge, if any */
  plain?: string;
  catch?: string;
}

export interface Machine {
  nodes: Map<string, GraphNode>;
  /** source -> target -> edge ids */
  transitions: Map<string, Map<string, Transition>>;
  /** Error/Cause written on Fail states, when they are literal */
  failInfo: Map<string, { error?: string; cause?: string }>;
}

/** What the events read so far say about the execution as a whole. */
export type ExecutionSoFar = Pick<ExecutionReading, 'input' | 'output' | 'error' | 'cause' | 'startedAt' | 'stoppedAt'> & {
  status: ExecutionStatus;
  edgesRun: Set<string>;
};

/** The thread a newly entered state runs in: the chain's thread, or its container's branch/iteration. */
function threadFor(t: Tracker, m: Machine, node: GraphNode | undefined, ctx: Ctx | undefined): Thread {
  const parentId = node?.parentId;
  if (node === undefined) return ctx?.thread ?? t.top;
  if (parentId === undefined) return t.top;
  const here = ctx?.thread;
  const owner = here?.owner;
  if (owner?.open && owner.name === parentId && owner.children.get(here?.key ?? -1) === here) {
    if (owner.node?.type === 'Map' || here?.key === node.branch) return here as Thread;
  }
  const type: ContainerType = m.nodes.get(parentId)?.type === 'Map' ? 'Map' : 'Parallel';
  const container = t.container(ctx, type, parentId);
  // A nested state whose container never started (truncated history): keep it out of every thread.
  if (!container) return newThread();
  const key = type === 'Parallel' ? (node.branch ?? 0) : (container.lastChild?.key ?? 0);
  let thread = container.children.get(key);
  if (!thread) {
    thread = newThread(container, key);
    t.addChild(container, key, thread);
  }
  return thread;
}

function recordTransition(t: Tracker, m: Machine, facts: ExecutionSoFar, from: Visit, to: string) {
  const edges = m.transitions.get(from.name)?.get(to);
  if (!edges) return;
  const failed = from.pending || from.failedChild || from.status === 'CAUGHT';
  if (edges.catch !== undefined && (failed || edges.plain === undefined)) {
    facts.edgesRun.add(edges.catch);
    // Parallel/Map exits carry no failure event of their own: going to a handler is the proof.
    if (!from.open && from.status === 'SUCCEEDED') {
      t.touch(from);
      from.status = 'CAUGHT';
    }
  } else if (edges.plain !== undefined) facts.edgesRun.add(edges.plain);
}

function enter(
  t: Tracker,
  m: Machine,
  facts: ExecutionSoFar,
  event: HistoryEvent,
  ctx: Ctx | undefined,
  at: number | undefined,
): Ctx | undefined {
  const name = stateNameOf(event);
  if (name === undefined) return undefined;
  const node = m.nodes.get(name);
  const thread = threadFor(t, m, node, ctx);
  if (thread.current) recordTransition(t, m, facts, thread.current, name);
  const visit = t.openVisit(name, node, thread, at);
  visit.input = t.payload(detailsOf(event)?.input);
  if (event.type === 'FailStateEntered') {
    const info = m.failInfo.get(name);
    visit.error = info?.error;
    visit.cause = info?.cause;
    // A Fail state never exits: entering it is failing.
    t.close(visit, 'FAILED', at);
  }
  return visit.ctx;
}

/** The state ExecutionFailed points at failed, even when AWS wrote no failure event for it (States.Runtime). */
function blame(t: Tracker, ctx: Ctx | undefined, event: HistoryEvent) {
  const culprit = [ctx?.visit, ctx?.thread.current].find((v) => v?.open);
  if (culprit && !isContainer(culprit)) {
    t.touch(culprit);
    culprit.pending = true;
  }
  const failState = ctx?.visit;
  if (failState?.node?.type === 'Fail' && failState.error === undefined) {
    t.touch(failState);
    Object.assign(failState, errorOf(event));
  }
}

function endExecution(t: Tracker, facts: ExecutionSoFar, status: ExecutionStatus, at: number | undefined) {
  facts.status = status;
  facts.stoppedAt = at;
  const how = status === 'SUCCEEDED' ? 'done' : 'cut';
  for (const v of [...t.open].reverse()) t.close(v, t.settle(v, how), at);
}

/** Applies one event; returns the context later events pointing at it will resolve to. */
export function applyEvent(t: Tracker, m: Machine, facts: ExecutionSoFar, event: HistoryEvent): Ctx | undefined {
  const meaning = meaningOf(event.type);
  if (!meaning) return undefined;
  const at = toEpochMs(event.timestamp);
  const ctx = t.ctxOf(event.previousEventId);
  const details = detailsOf(event);
  switch (meaning.kind) {
    case 'execution-started':
      facts.status = 'RUNNING';
      facts.input = t.payload(details?.input);
      facts.startedAt = at;
      return t.top.ctx;
    case 'execution-succeeded':
      facts.output = t.payload(details?.output);
      endExecution(t, facts, 'SUCCEEDED', at);
      return t.top.ctx;
    case 'execution-failed': {
      Object.assign(facts, errorOf(event));
      blame(t, ctx, event);
      endExecution(t, facts, 'FAILED', at);
      return t.top.ctx;
    }
    case 'execution-aborted':
      Object.assign(facts, errorOf(event));
      endExecution(t, facts, 'ABORTED', at);
      return t.top.ctx;
    case 'execution-timed-out':
      Object.assign(facts, errorOf(event));
      endExecution(t, facts, 'TIMED_OUT', at);
      return t.top.ctx;
    case 'execution-redriven':
      // Redrive reopens the execution; states run again as new visits of a later epoch.
      Object.assign(facts, { status: 'RUNNING', stoppedAt: undefined, error: undefined, cause: undefined });
      t.epoch += 1;
      t.redrivenAt = at;
      return t.top.ctx;
    case 'state-entered':
      return enter(t, m, facts, event, ctx, at);
    case 'state-exited': {
      const name = stateNameOf(event);
      if (name === undefined) return ctx;
      const resumed = t.resumable(ctx);
      const v = t.named(ctx, name) ?? (resumed?.name === name ? t.rerun(resumed, at) : undefined);
      if (!v) return ctx;
      t.touch(v);
      v.output = t.payload(details?.output);
      v.assignedVariables = assignedVariablesOf(event);
      // A caught failure still exits; the handler is entered next.
      t.close(v, v.pending || v.failedChild ? 'CAUGHT' : 'SUCCEEDED', at);
      return v.ctx;
    }
    default:
      return applyStateEvent(t, event, meaning, ctx, at);
  }
}
