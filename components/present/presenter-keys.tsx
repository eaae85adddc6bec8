'use client';

import { startTransition, useEffect, useState } from 'react';
import { SAGA_PRESETS } from '@/lib/saga/scenarios';
import { commandFor, KEY_HELP } from './keys';
import styles from './present.module.css';

const inField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

function toggleFullScreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen();
  else void document.documentElement.requestFullscreen().catch(() => undefined);
}

/**
 * The presenter's keyboard: `p` toggles presenter mode anywhere; in it, a digit starts
 * that preset, `r` runs this scenario again, `f` toggles full screen and `?` lists the
 * keys. Renders the key list and any message about a start that did not happen.
 */
export function PresenterKeys({
  presenting,
  onToggle,
  onRunAgain,
  onPreset,
}: {
  presenting: boolean;
  onToggle: () => void;
  /** the execution page's Run again; the start page has none */
  onRunAgain?: () => void;
  /** starts the preset at this index; resolves with a message when it did not start */
  onPreset: (index: number) => Promise<string | undefined>;
}) {
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandFor(
        { key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, inField: inField(event.target) },
        presenting,
      );
      if (!command) return;
      event.preventDefault();
      switch (command.kind) {
        case 'toggle-present':
          onToggle();
          return;
        case 'fullscreen':
          toggleFullScreen();
          return;
        case 'help':
          setHelp((open) => !open);
          return;
        case 'run-again':
          onRunAgain?.();
          return;
        case 'preset': {
          const preset = SAGA_PRESETS[command.index];
          if (!preset) return;
          setMessage(`Starting ${preset.label}…`);
          // Success navigates to the new execution; only a refusal comes back.
          startTransition(async () => {
            const refused = await onPreset(command.index);
            if (refused) setMessage(refused);
          });
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, onToggle, onRunAgain, onPreset]);

  return (
    <>
      {presenting && message && (
        <p className={styles.message} role="status" data-testid="presenter-message">
          {message}
        </p>
      )}
      {help && (
        <div className={styles.help} role="dialog" aria-label="Presenter keys" data-testid="presenter-help">
          <h2>Keys</h2>
          <dl>
            {KEY_HELP.map(({ keys, what }) => (
              <div key={keys}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
          <h2>Presets</h2>
          <ol>
            {SAGA_PRESETS.slice(0, 9).map((preset) => (
              <li key={preset.id}>{preset.label}</li>
            ))}
          </ol>
          <button type="button" className="btn" onClick={() => setHelp(false)}>
            Close
          </button>
        </div>
      )}
    </>
  );
}
