/** Records reshaped into Step Functions response objects (AWS field names, epoch-second dates). */
import { isRedrivable } from '@/lib/core/execution-status';
import { localRoleArn, parseStateMachineArn } from './arn';
import type { ExecutionRecord, StateMachineRecord } from './store';

const OBSERVABILITY = {
  loggingConfiguration: { level: 'OFF', includeExecutionData: false },
  tracingConfiguration: { enabled: false },
};

export function executionSummary(e: ExecutionRecord) {
  return {
    executionArn: e.arn,
    stateMachineArn: e.stateMachineArn,
    name: e.name,
    status: e.status,
    startDate: e.startDate,
    ...(e.stopDate !== undefined ? { stopDate: e.stopDate } : {}),
    redriveCount: e.redriveCount,
    ...(e.redriveDate !== undefined ? { redriveDate: e.redriveDate } : {}),
  };
}

export function describeExecution(e: ExecutionRecord) {
  const redrivable = isRedrivable(e.status);
  return {
    ...executionSummary(e),
    input: e.input,
    inputDetails: { included: true },
    ...(e.output !== undefined ? { output: e.output, outputDetails: { included: true } } : {}),
    ...(e.error !== undefined ? { error: e.error } : {}),
    ...(e.cause !== undefined ? { cause: e.cause } : {}),
    redriveStatus: redrivable ? 'REDRIVABLE' : 'NOT_REDRIVABLE',
    ...(redrivable ? {} : { redriveStatusReason: `Execution is ${e.status} and cannot be redriven` }),
  };
}

/** AWS shows a revisionId only for a revision made by an update, never for the machine as created. */
const isUpdate = (m: StateMachineRecord) => m.revisionDate > m.creationDate;

export function describeStateMachine(m: StateMachineRecord) {
  return {
    stateMachineArn: m.arn,
    name: m.name,
    status: 'ACTIVE',
    definition: m.definition,
    roleArn: m.roleArn,
    type: m.type,
    creationDate: m.creationDate,
    ...(isUpdate(m) ? { revisionId: m.revisionId } : {}),
    ...OBSERVABILITY,
  };
}

export const stateMachineSummary = (m: StateMachineRecord) => ({
  stateMachineArn: m.arn,
  name: m.name,
  type: m.type,
  creationDate: m.creationDate,
});

/** The definition an execution ran with, even after its machine changed or was deleted. */
export function describeStateMachineForExecution(
  e: ExecutionRecord,
  revision: { definition: string; created: number },
  machine: StateMachineRecord | undefined,
) {
  const updated = machine !== undefined && revision.created > machine.creationDate;
  return {
    stateMachineArn: e.stateMachineArn,
    name: parseStateMachineArn(e.stateMachineArn).name,
    definition: revision.definition,
    roleArn: machine?.roleArn ?? localRoleArn(),
    updateDate: revision.created,
    ...(updated ? { revisionId: e.revisionId } : {}),
    ...OBSERVABILITY,
  };
}

/** includeExecutionData=false: the history without inputs, outputs and parameters. */
export function withoutExecutionData(body: string): string {
  const event = JSON.parse(body) as Record<string, unknown>;
  for (const [key, value] of Object.entries(event)) {
    if (!key.endsWith('EventDetails') || typeof value !== 'object' || value === null) continue;
    const dataFields = ['input', 'output', 'parameters', 'inputDetails', 'outputDetails'];
    event[key] = Object.fromEntries(Object.entries(value).filter(([field]) => !dataFields.includes(field)));
  }
  return JSON.stringify(event);
}
