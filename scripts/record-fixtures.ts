/**
 * `npm run record-fixtures`: runs the saga on a throwaway local engine (in-process, free
 * port, temporary data) once per saga outcome, plus redriven runs (scripts/engine-scenarios.ts),
 * reads each history through @aws-sdk/client-sfn as any client would, and writes one
 * fixture per run into lib/history/fixtures/engine/ in the format of
 * lib/history/fixtures/aws (the AWS recordings).
 * A run that does not end as its scenario says is an error, and nothing is written.
 */
import { capturingStepLogger, discardedStepLogs } from '../backend/engine/step-logs';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  type HistoryEvent,
  RedriveExecutionCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningEngine } from '../backend/engine/main';
import { fullHistory } from '../backend/engine/testing/saga-checks';
import { startTestEngine, TEST_ROLE_ARN } from '../backend/engine/testing/test-engine';
import { waitForEnd } from '../backend/engine/testing/test-waits';
import { createSagaFunctions, localSagaHandlersByArn } from '../backend/saga/functions';
import { flattenDefinition } from '../lib/asl/flatten';
import type { AslDefinition } from '../lib/asl/types';
import { sagaDataConfig } from '../lib/env';
import { ENGINE_FIXTURES_DIR } from '../lib/history/testing/fixtures';
import { ENGINE_SCENARIOS, REDRIVE_LAMBDAS, type EngineScenario } from './engine-scenarios';

const CONVENTIONS = {
  recording: 'GetExecutionHistory pages of the local engine (backend/engine) read through @aws-sdk/client-sfn, unaltered apart from JSON serialisation',
  timestamp: "each timestamp is the SDK's Date written by JSON.stringify (ISO 8601); the API itself sends epoch seconds",
  jsonStrings: 'inputs, outputs, causes are the JSON strings the API returns, not parsed as in the AWS recordings',
  ids: 'ARNs are the local engine\'s (account 000000000000, us-east-1); execution names are the fixture names',
  cut: 'a RUNNING fixture is the history as read while its step ran; the execution was stopped afterwards, which it does not show',
  redrive: 'a redriven fixture is the whole history after RedriveExecution ran to the end; a stopped step\'s Lambda call was let finish before the redrive (it runs on after StopExecution, on AWS too)',
};

class RecordingError extends Error {
  override name = 'RecordingError';
}

/** Histories are read 100 events a page, so a long one is read as a client reads it: page by page. */
const PAGE_SIZE = 100;

/** Polls the history until `step` is entered and its Lambda call has started (and not ended). */
async function waitUntilRunning(sfn: SFNClient, executionArn: string, step: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const events = await fullHistory(sfn, executionArn, PAGE_SIZE);
    const entered = events.findLastIndex((e) => e.stateEnteredEventDetails?.name === step);
    if (entered >= 0 && events.at(-1)?.type === 'LambdaFunctionStarted') return;
    await sleep(20);
  }
  throw new RecordingError(`${step} never started running in ${executionArn}`);
}

/**
 * The saga's Lambdas again over the engine's DynamoDB, registered in place of its own so the
 * recorder knows when calls the engine stopped waiting for (StopExecution) have finished.
 */
function trackSagaCalls(engine: RunningEngine): { settled(): Promise<void> } {
  const dynamoEndpoint = engine.saga?.dynamoEndpoint;
  if (!dynamoEndpoint) throw new RecordingError('the engine deployed no saga');
  const running = new Set<Promise<unknown>>();
  const functions = createSagaFunctions({ ...sagaDataConfig(), dynamoEndpoint }, undefined, capturingStepLogger(discardedStepLogs));
  for (const [arn, fn] of localSagaHandlersByArn(functions)) {
    engine.registerLambda(arn, (event) => {
      const call = fn(event);
      running.add(call);
      call.then(() => running.delete(call), () => running.delete(call));
      return call;
    });
  }
  return {
    settled: async () => {
      await Promise.allSettled([...running]);
    },
  };
}

async function record(sfn: SFNClient, stateMachineArn: string, scenario: EngineScenario, calls: { settled(): Promise<void> }): Promise<HistoryEvent[]> {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn, name: scenario.name, input: JSON.stringify(scenario.input) }),
  );
  if (!executionArn) throw new RecordingError(`StartExecution gave no ARN for ${scenario.name}`);
  const { ending } = scenario;
  if (ending.kind === 'end') await waitForEnd(sfn, executionArn);
  else {
    await waitUntilRunning(sfn, executionArn, ending.step);
    if (ending.kind === 'cut') {
      const events = await fullHistory(sfn, executionArn, PAGE_SIZE);
      const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      await sfn.send(new StopExecutionCommand({ executionArn }));
      if (status !== 'RUNNING' || events.at(-1)?.type !== 'LambdaFunctionStarted') {
        throw new RecordingError(`${scenario.name}: ${ending.step} finished before its history was read`);
      }
      return events;
    }
    await sfn.send(new StopExecutionCommand({ executionArn }));
  }
  if (scenario.redriveFrom) {
    const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (status !== scenario.redriveFrom) throw new RecordingError(`${scenario.name} ended ${status} before its redrive, not ${scenario.redriveFrom}`);
    // The stopped step's call runs on to its end, as a Lambda does on AWS: the redriven call must not overlap it.
    await calls.settled();
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    await waitForEnd(sfn, executionArn);
  }
  const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  if (status !== scenario.expected.executionStatus) {
    throw new RecordingError(`${scenario.name} ended ${status}, not ${scenario.expected.executionStatus}`);
  }
  return fullHistory(sfn, executionArn, PAGE_SIZE);
}

function fixture(scenario: EngineScenario, definition: AslDefinition, events: HistoryEvent[]) {
  const { executionStatus, sagaOutcome, entered } = scenario.expected;
  const states = Object.fromEntries(flattenDefinition(definition).map(({ name }) => [name, entered[name] ?? { status: 'NOT_RUN' }]));
  return {
    name: scenario.name,
    source: `local engine (backend/engine), ${scenario.machine ? `state machine ${scenario.machine.name} (CreateStateMachine)` : 'order saga'}; recorded by \`npm run record-fixtures\` (scripts/record-fixtures.ts)`,
    features: scenario.features,
    definition,
    input: scenario.input,
    events,
    executionStatus,
    conventions: CONVENTIONS,
    expected: { executionStatus, sagaOutcome, states },
  };
}

/** The machine a scenario runs on: the saga, or one created for it. */
async function machineFor(sfn: SFNClient, sagaArn: string, scenario: EngineScenario): Promise<{ arn: string; definition: AslDefinition }> {
  const { machine } = scenario;
  const arn = machine
    ? (await sfn.send(new CreateStateMachineCommand({ name: machine.name, definition: JSON.stringify(machine.definition), roleArn: TEST_ROLE_ARN }))).stateMachineArn
    : sagaArn;
  if (!arn) throw new RecordingError(`CreateStateMachine gave no ARN for ${scenario.name}`);
  const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arn }));
  return { arn, definition: JSON.parse(described.definition ?? '{}') as AslDefinition };
}

async function main(): Promise<void> {
  const t = await startTestEngine({ saga: true, lambdas: REDRIVE_LAMBDAS });
  try {
    const sagaArn = t.engine.saga?.stateMachineArn;
    if (!sagaArn) throw new RecordingError('the engine deployed no saga');
    const calls = trackSagaCalls(t.engine);
    // One at a time: the stopped and cut runs depend on a step still running when looked at.
    const recorded: Array<{ scenario: EngineScenario; definition: AslDefinition; events: HistoryEvent[] }> = [];
    for (const scenario of ENGINE_SCENARIOS) {
      const { arn, definition } = await machineFor(t.sfn, sagaArn, scenario);
      recorded.push({ scenario, definition, events: await record(t.sfn, arn, scenario, calls) });
    }
    // Only now, with every run as expected, is the folder's old set replaced.
    mkdirSync(ENGINE_FIXTURES_DIR, { recursive: true });
    for (const old of readdirSync(ENGINE_FIXTURES_DIR).filter((f) => f.endsWith('.json'))) rmSync(path.join(ENGINE_FIXTURES_DIR, old));
    for (const { scenario, definition, events } of recorded) {
      const file = path.join(ENGINE_FIXTURES_DIR, `${scenario.name}.json`);
      writeFileSync(file, `${JSON.stringify(fixture(scenario, definition, events), null, 2)}\n`);
      console.log(`${path.relative(process.cwd(), file)}: ${events.length} events, ${scenario.expected.sagaOutcome}`);
    }
  } finally {
    await t.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`record-fixtures: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
