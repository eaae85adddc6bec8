/**
 * The infra suite's checks as pure functions over a synthesized template (or the definition
 * in it): each returns the findings, [] when the stack is sound. Pure, so the mutation tests
 * can run the very same checks on a stack broken on purpose and see them fail.
 */
import { isDeepStrictEqual } from 'node:util';
import { buildGraph } from '@/lib/asl/graph';
import type { AslDefinition } from '@/lib/asl/types';
import { SERVICE_REQUIRED_WILDCARD_ACTIONS } from '../nag';

export type TemplateJson = { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };
type Statement = { Effect?: string; Action?: string | string[]; Resource?: unknown };

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const SERVICE_REQUIRED = new Set(Object.values(SERVICE_REQUIRED_WILDCARD_ACTIONS).flat());

/** Every policy statement in the template, with where it sits. */
function statements(template: TemplateJson): { where: string; statement: Statement }[] {
  return Object.entries(template.Resources ?? {}).flatMap(([id, resource]) => {
    const props = resource.Properties ?? {};
    const documents: unknown[] = [];
    if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') documents.push(props.PolicyDocument);
    if (resource.Type === 'AWS::IAM::Role') for (const p of asArray(props.Policies as { PolicyDocument: unknown }[])) documents.push(p.PolicyDocument);
    return documents.flatMap((doc) => asArray((doc as { Statement?: Statement[] } | undefined)?.Statement).map((statement) => ({ where: id, statement })));
  });
}

/**
 * No role has a managed policy; no statement allows a wildcard action; `Resource: *` appears
 * only for the actions AWS offers on `*` alone (infra/nag.ts lists them, with reasons).
 */
export function iamFindings(template: TemplateJson): string[] {
  const findings: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (resource.Type !== 'AWS::IAM::Role') continue;
    const managed = asArray(resource.Properties?.ManagedPolicyArns);
    if (managed.length > 0) findings.push(`role ${id} has managed policies ${JSON.stringify(managed)}`);
  }
  for (const { where, statement } of statements(template)) {
    if (statement.Effect !== 'Allow') continue;
    const actions = asArray(statement.Action);
    for (const action of actions) if (action.includes('*')) findings.push(`${where} allows the wildcard action ${action}`);
    if (asArray(statement.Resource).includes('*')) {
      for (const action of actions) if (!SERVICE_REQUIRED.has(action)) findings.push(`${where} allows ${action} on Resource *`);
    }
  }
  return findings;
}

/** The deployed definition is the expected one (the file with ARNs substituted). */
export function definitionFindings(deployed: AslDefinition, expected: AslDefinition): string[] {
  if (isDeepStrictEqual(deployed, expected)) return [];
  const differing = [...new Set([...Object.keys(deployed.States), ...Object.keys(expected.States)])].filter(
    (name) => !isDeepStrictEqual(deployed.States[name], expected.States[name]),
  );
  return [`the deployed definition differs from the file${differing.length ? ` in ${differing.join(', ')}` : ' outside its states'}`];
}

type Retrier = { ErrorEquals: string[]; IntervalSeconds?: number; BackoffRate?: number; MaxAttempts?: number; MaxDelaySeconds?: number };
type Catcher = { ErrorEquals: string[]; Next: string };

/** What every retrier of a Lambda task must ride out: throttling, service errors, the client timing out. */
export const TRANSIENT_ERRORS = ['TransientError', 'Lambda.ServiceException', 'Lambda.TooManyRequestsException', 'Lambda.ClientExecutionTimeoutException'];
/** A compensation retries through at least this much outage before a person is needed. */
export const COMPENSATION_MIN_RETRY_SECONDS = 180;

/** The longest the retries wait in all, jitter aside: the outage they ride out. */
export function retryWaitSeconds(r: Retrier): number {
  const { IntervalSeconds = 1, BackoffRate = 2, MaxAttempts = 3, MaxDelaySeconds = Infinity } = r;
  let total = 0;
  for (let i = 0; i < MaxAttempts; i++) total += Math.min(IntervalSeconds * BackoffRate ** i, MaxDelaySeconds);
  return total;
}

/**
 * The rollback, found by graph role (lib/asl/roles.ts), never by state name: every forward
 * Task catches States.ALL into the compensation path; each path runs Next by Next to the
 * clean-rollback Fail state; on it, the last Task is the notification and the ones before are
 * compensations. A compensation retries transient errors for minutes and has no Catch (it
 * fails where a Redrive resumes); the notification retries and catches, continuing to the
 * same Fail state, so it can never turn a clean rollback into a failed Task.
 */
export function rollbackFindings(definition: AslDefinition): string[] {
  const findings: string[] = [];
  const graph = buildGraph(definition);
  const roleOf = new Map(graph.nodes.map((n) => [n.id, n.role]));
  const state = (name: string) => definition.States[name];
  const retriers = (name: string) => (state(name)?.Retry ?? []) as Retrier[];
  const catchers = (name: string) => (state(name)?.Catch ?? []) as Catcher[];
  const compensations = new Set<string>();
  const notifiers = new Set<string>();

  for (const node of graph.nodes) {
    if (node.type !== 'Task') continue;
    const lambdaRetriers = retriers(node.id).filter((r) => !r.ErrorEquals.includes('States.ALL'));
    for (const r of lambdaRetriers) {
      for (const error of TRANSIENT_ERRORS) if (!r.ErrorEquals.includes(error)) findings.push(`${node.id} does not retry ${error}`);
    }
    if (node.role !== 'forward') continue;
    const catchAll = catchers(node.id).find((c) => c.ErrorEquals.includes('States.ALL'));
    if (!catchAll || roleOf.get(catchAll.Next) !== 'compensation') {
      findings.push(`forward task ${node.id} does not catch States.ALL into a compensation`);
      continue;
    }
    const chain: string[] = [];
    for (let name: string | undefined = catchAll.Next; name !== undefined && !chain.includes(name); name = state(name)?.Next as string | undefined) chain.push(name);
    const end = chain.at(-1);
    if (end === undefined || state(end)?.Type !== 'Fail') findings.push(`the rollback from ${node.id} does not end in a Fail state`);
    const tasks = chain.filter((name) => state(name)?.Type === 'Task');
    const notifier = tasks.pop();
    if (notifier !== undefined) notifiers.add(notifier);
    for (const t of tasks) compensations.add(t);
  }

  for (const name of compensations) {
    const [retrier, ...more] = retriers(name);
    if (!retrier) findings.push(`compensation ${name} has no Retry`);
    else if (retrier.ErrorEquals.includes('States.ALL')) findings.push(`compensation ${name} retries States.ALL (business refusals too)`);
    else if (retryWaitSeconds(retrier) < COMPENSATION_MIN_RETRY_SECONDS) findings.push(`compensation ${name} retries for ${retryWaitSeconds(retrier)} s, under ${COMPENSATION_MIN_RETRY_SECONDS} s`);
    if (more.length > 0) findings.push(`compensation ${name} has more than one retrier`);
    if (catchers(name).length > 0) findings.push(`compensation ${name} has a Catch: a stuck rollback would not stop where Redrive resumes`);
  }
  for (const name of notifiers) {
    if (retriers(name).length === 0) findings.push(`notification ${name} has no Retry`);
    const next = state(name)?.Next;
    const catchAll = catchers(name).find((c) => c.ErrorEquals.includes('States.ALL'));
    if (!catchAll || catchAll.Next !== next) findings.push(`notification ${name} does not catch States.ALL into the same outcome (${String(next)})`);
  }
  if (compensations.size === 0) findings.push('no compensation found');
  return findings;
}
