import 'server-only';
import type { LaidOutGraph } from '@/lib/asl/types';
import { stepFunctions, type ExecutionSummary, type StateMachineSummary } from '@/lib/sfn';
import { newestExecutions } from '@/lib/executions/server';
import { layoutDefinition } from '@/components/graph/layout';

export type MachineDetail = {
  machine: StateMachineSummary;
  layout: LaidOutGraph;
  executions: ExecutionSummary[];
};

export const listMachines = () => stepFunctions().listStateMachines();

/** One machine by name (names are unique per account and Region), its graph and latest runs. */
export async function loadMachine(name: string): Promise<MachineDetail | undefined> {
  const sfn = stepFunctions();
  const machine = (await sfn.listStateMachines()).find((m) => m.name === name);
  if (!machine) return undefined;
  const [info, page] = await Promise.all([
    sfn.describeStateMachine(machine.stateMachineArn),
    newestExecutions(machine.stateMachineArn),
  ]);
  return { machine, layout: layoutDefinition(info.definition), executions: page.executions.slice(0, 20) };
}
