/**
 * Which executions an aggregate covers, from the executions list's own filters (plus a
 * batch id and a time window, which those filters already carry). Pure.
 */
import type { ListFilters } from '@/lib/executions/filters';
import { matchesSummary } from '@/lib/executions/query';
import { decodeExecutionName } from '@/lib/saga/names';
import type { ExecutionSummary } from '@/lib/sfn/types';
import type { RunFacts } from './facts';
import type { Selection } from './reader';

export function selectionFor(stateMachineArn: string, f: ListFilters): Selection {
  return {
    stateMachineArn,
    listed: (e: ExecutionSummary) => {
      const named = decodeExecutionName(e.name);
      if (f.status !== undefined && e.status !== f.status) return false;
      // A name the dashboard did not make says nothing about scenario or order: here it cannot match them.
      if ((f.scenario !== undefined || f.q !== undefined) && named.scenario === undefined) return false;
      return matchesSummary(e, f, named);
    },
    read: (facts: RunFacts) => f.outcome === undefined || facts.outcome === f.outcome,
  };
}
