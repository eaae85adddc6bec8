/**
 * Typed parameters for each operation. Field types and ranges follow the Step Functions
 * API reference; a violation is a ValidationException naming the field, as AWS does.
 */
import { z } from 'zod';
import { SfnError } from './errors';
import type { Operation } from './protocol';
import { EXECUTION_STATUSES } from '@/lib/history/types';

const maxResults = z.number().int().min(0).max(1000).optional();
const nextToken = z.string().min(1).max(1024).optional();

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
    nextToken,
    reverseOrder: z.boolean().optional(),
    includeExecutionData: z.boolean().optional(),
  }),
  ListExecutions: z.object({
    stateMachineArn: z.string(),
    statusFilter: z.enum(EXECUTION_STATUSES).optional(),
    maxResults,
    nextToken,
  }),
  ListStateMachines: z.object({ maxResults, nextToken }),
  DescribeStateMachine: z.object({ stateMachineArn: z.string() }),
  DescribeStateMachineForExecution: z.object({ executionArn: z.string() }),
  CreateStateMachine: z.object({
    name: z.string(),
    definition: z.string().min(1).max(1_048_576),
    roleArn: z.string(),
    type: z.enum(['STANDARD', 'EXPRESS']).optional(),
  }),
  DeleteStateMachine: z.object({ stateMachineArn: z.string() }),
} satisfies Record<Operation, z.ZodType>;

export type Params<Op extends Operation> = z.infer<(typeof schemas)[Op]>;

export function parseParams<Op extends Operation>(operation: Op, raw: Record<string, unknown>): Params<Op> {
  const result = schemas[operation].safeParse(raw);
  if (result.success) return result.data as Params<Op>;
  const issues = result.error.issues;
  const details = issues
    .map((issue) => `Value at '${issue.path.join('.') || '(body)'}' failed to satisfy constraint: ${issue.message}`)
    .join('; ');
  throw new SfnError(
    'ValidationException',
    `${issues.length} validation error${issues.length === 1 ? '' : 's'} detected: ${details}`,
  );
}
