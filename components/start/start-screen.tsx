'use client';

import type { ReactNode } from 'react';
import type { LaidOutGraph } from '@/lib/asl/types';
import type { SwitchField } from '@/lib/saga/fields';
import type { SagaPreset } from '@/lib/saga/scenarios';
import { FlowGraph } from '@/components/graph/flow-graph';
import { PRESENT_FIT_OPTIONS } from '@/components/graph/viewport';
import { PresenterKeys } from '@/components/present/presenter-keys';
import { usePresenter } from '@/components/present/use-presenter';
import presentStyles from '@/components/present/present.module.css';
import { PresetLauncher } from './preset-launcher';
import { startPresetAt } from './start-preset';

/**
 * The start page, or in presenter mode (`?present`, or the p key) the saga's graph
 * filling the screen under numbered presets that start at once.
 */
export function StartScreen({
  presentLayout,
  presets,
  fields,
  children,
}: {
  /** the graph with presenter-sized boxes; absent when the machine could not be read */
  presentLayout: LaidOutGraph | undefined;
  presets: readonly SagaPreset[];
  fields: readonly SwitchField[];
  children: ReactNode;
}) {
  const presenter = usePresenter();
  const keys = <PresenterKeys presenting={presenter.on} onToggle={presenter.toggle} onPreset={startPresetAt} />;
  if (!presenter.on || !presentLayout) {
    return (
      <>
        {keys}
        {children}
      </>
    );
  }
  return (
    <div className={presentStyles.startStage} data-screen data-presenting>
      {keys}
      <PresetLauncher presets={presets} fields={fields} />
      <div className={presentStyles.graph}>
        <FlowGraph layout={presentLayout} fit={PRESENT_FIT_OPTIONS} />
      </div>
    </div>
  );
}
