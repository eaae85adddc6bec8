/**
 * Typed parameters for each operation. Field types and ranges follow the Step Functions
 * API reference; a violation is a ValidationException naming the field, as AWS does.
 */
import { z } from 'zod';
import { SfnError } from './errors';
import type { Operation } from './protocol';

const maxResults = z.number().int().min(0).max(1000).optional();
/** AWS's limits differ per operation: 1024 for ListStateMachines, 3096 for executions and histories. */
const nextToken = (max: number) => z.string().min(1).max(max).optional();
/** ListExecutions' statusFilter, in the order AWS's message lists it. */
const STATUS_FILTER = ['SUCCEEDED', 'TIMED_OUT', 'PENDING_REDRIVE', 'ABORTED', 'FAILED', 'RUNNING'] as const;
const loggingConfiguration = z.looseObject({}).optional();
const tracingConfiguration = z.object({ enabled: z.boolean().optional() }).optional();

const schemas = {
  StartExecution: z.object({
    stateMachineArn: z.string(),
    name: z.string().optional(),
    input: z.string().optional(),
    traceHeader: z.string().optional(),
  }),
  DescribeExecution: z.object({ executionArn: z.string(), includedData: z.string().optional() }),
  StopExecution: z.object({
    executionArn: z.string(),
    error: z.string().max(256).optional(),
    cause: z.string().max(32_768).optional(),
  }),
  RedriveExecution: z.object({ executionArn: z.string(), clientToken: z.string().optional() }),
  GetExecutionHistory: z.object({
    executionArn: z.string(),
    maxResults,
    nextToken: nextToken(3096),
    reverseOrder: z.boolean().optional(),
    includeExecutionData: z.boolean().optional(),
  }),
  ListExecutions: z.object({
    stateMachineArn: z.string(),
    statusFilter: z.enum(STATUS_FILTER).optional(),
    maxResults,
    nextToken: nextToken(3096),
  }),
  ListStateMachines: z.object({ maxResults, nextToken: nextToken(1024) }),
  DescribeStateMachine: z.object({ stateMachineArn: z.string() }),
  DescribeStateMachineForExecution: z.object({ executionArn: z.string() }),
  CreateStateMachine: z.object({
    name: z.string(),
    definition: z.string().min(1).max(1_048_576),
    roleArn: z.string(),
    type: z.enum(['STANDARD', 'EXPRESS']).optional(),
    loggingConfiguration,
    tracingConfiguration,
  }),
  UpdateStateMachine: z.object({
    stateMachineArn: z.string(),
    definition: z.string().min(1).max(1_048_576).optional(),
    roleArn: z.string().optional(),
    loggingConfiguration,
    tracingConfiguration,
    publish: z.boolean().optional(),
    versionDescription: z.string().max(256).optional(),
  }),
  DeleteStateMachine: z.object({ stateMachineArn: z.string() }),
  StartSyncExecution: z.object({
    stateMachineArn: z.string(),
    name: z.string().optional(),
    input: z.string().optional(),
    traceHeader: z.string().optional(),
  }),
} satisfies Record<Operation, z.ZodType>;

export type Params<Op extends Operation> = z.infer<(typeof schemas)[Op]>;

/** AWS's wording of one violated constraint ("Member must have length less than or equal to 1024"). */
function constraint(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_big':
      return `Member must have ${issue.origin === 'string' ? 'length' : 'value'} less than or equal to ${String(issue.maximum)}`;
    case 'too_small':
      return `Member must have ${issue.origin === 'string' ? 'length' : 'value'} greater than or equal to ${String(issue.minimum)}`;
    case 'invalid_value':
      return `Member must satisfy enum value set: [${issue.values.map(String).join(', ')}]`;
    case 'invalid_type':
      return issue.input === undefined ? 'Member must not be null' : `Member must be of type ${issue.expected}`;
    default:
      return issue.message;
  }
}

const valueText = (value: unknown): string => (value === undefined || value === null ? 'null' : `'${typeof value === 'string' ? value : JSON.stringify(value)}'`);

function valueAt(raw: Record<string, unknown>, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const key of path) current = typeof current === 'object' && current !== null ? (current as Record<PropertyKey, unknown>)[key] : undefined;
  return current;
}

export function parseParams<Op extends Operation>(operation: Op, raw: Record<string, unknown>): Params<Op> {
  const result = schemas[operation].safeParse(raw);
  if (result.success) return result.data as Params<Op>;
  const issues = result.error.issues;
  // AWS: "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must ..."
  const details = issues
    .map((issue) => `Value ${valueText(valueAt(raw, issue.path))} at '${issue.path.join('.')}' failed to satisfy constraint: ${constraint(issue)}`)
    .join('; ');
  throw new SfnError('ValidationException', `${issues.length} validation error${issues.length === 1 ? '' : 's'} detected: ${details}`);
}
