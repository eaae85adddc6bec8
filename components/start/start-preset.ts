import { SAGA_INPUT_FIELDS } from '@/lib/saga/fields';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';
import { startSaga } from './actions';
import { presetValues, valuesToFormData } from './form-input';

/**
 * Starts the preset at `index` (0-based, the order the start page shows) as the form
 * would post it. Success opens the new execution and never returns; a refusal comes
 * back as a message. For the presenter's digit keys, on any page.
 */
export async function startPresetAt(index: number): Promise<string | undefined> {
  const preset = SAGA_PRESETS[index];
  if (!preset) return undefined;
  const state = await startSaga({ status: 'idle' }, valuesToFormData(presetValues(preset, SAGA_INPUT_FIELDS)));
  return state.status === 'idle' ? undefined : `${preset.label} did not start: ${state.message}`;
}
