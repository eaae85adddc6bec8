import { connection } from 'next/server';
import { SAGA_INPUT_FIELDS } from '@/lib/saga/fields';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';
import { attempt, sagaStateMachineArn, stepFunctions, targetLabel } from '@/lib/sfn';
import { layoutDefinition, PRESENT_LAYOUT_OPTIONS } from '@/components/graph/layout';
import { StartView } from '@/components/start/start-view';

export default async function StartPage() {
  // The graph comes from the live state machine, never from the build.
  await connection();
  const machine = await attempt(async () => {
    const info = await stepFunctions().describeStateMachine(sagaStateMachineArn());
    return {
      name: info.name,
      layout: layoutDefinition(info.definition),
      presentLayout: layoutDefinition(info.definition, PRESENT_LAYOUT_OPTIONS),
    };
  });
  return (
    <main className="page">
      <StartView
        machine={machine}
        targetLabel={targetLabel()}
        fields={SAGA_INPUT_FIELDS}
        presets={SAGA_PRESETS}
      />
    </main>
  );
}
