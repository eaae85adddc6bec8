'use client';

import { useMemo, useState, type DragEvent } from 'react';
import { latestSentence, narrateEvents } from '@/lib/history/narration';
import { readExecutionDetail } from '@/lib/history/read-execution';
import { ExecutionDetailView } from '@/components/detail/execution-detail';
import { ExecutionHeader } from '@/components/execution/execution-header';
import panel from '@/components/ui/panel.module.css';
import styles from './import.module.css';
import { readImport, type ImportedHistory } from './read-files';
import { parseAtParam } from '@/lib/history/replay';
import { sagaOrderIdOf } from '@/lib/saga-data/order-at';
import { ReplayBar } from '@/components/replay/replay-bar';
import { ReplayDataPanel } from '@/components/replay/replay-data-panel';
import { useReplay, useReplayDetail } from '@/components/replay/use-replay';

const ENDED = { state: 'ended' } as const;

/**
 * View an exported history with no credentials and no server: the files are read in the
 * browser and drawn with the same graph, header and state panel as a live execution.
 */
export function ImportView() {
  const [history, setHistory] = useState<ImportedHistory>();
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  // Each file opened starts afresh: graph tab, nothing selected.
  const [opened, setOpened] = useState(0);

  const load = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const texts = await Promise.all([...files].map(async (file) => ({ name: file.name, text: await file.text() })));
    const result = readImport(texts);
    // A bad file leaves whatever was open before in place.
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setError(undefined);
    setHistory(result.history);
    setOpened((n) => n + 1);
  };

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files);
  };


  return (
    <div className={panel.page}>
      <label
        className={`card ${styles.drop} ${dragging ? styles.dragging : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-drop"
      >
        <span className={styles.dropTitle}>Open an exported execution</span>
        <span className={styles.dropHint}>
          Drop a file here or choose one: a dashboard export ({'{definition, events}'}), or the output of{' '}
          <code>aws stepfunctions get-execution-history</code> together with its definition. Nothing leaves this browser.
        </span>
        <input
          type="file"
          accept="application/json,.json"
          multiple
          className={styles.input}
          data-testid="import-file"
          onChange={(event) => void load(event.currentTarget.files)}
        />
      </label>
      {error && (
        // Not the shared ErrorBanner: its Retry would reload the page, and another file is the fix here.
        <div className="banner" role="alert" data-testid="import-error">
          <div className="banner__body">
            <div className="banner__title">This file could not be opened</div>
            <div>{error}</div>
          </div>
        </div>
      )}
      {history && <ImportedExecution key={opened} history={history} />}
    </div>
  );
}

/**
 * One opened file, replayable like any execution. Its order data, when it is the saga's,
 * comes from what the steps returned in the file: nothing here reads a database.
 */
function ImportedExecution({ history }: { history: ImportedHistory }) {
  const { definition, graph, events } = history;
  const detail = useMemo(() => readExecutionDetail(definition, events, graph), [definition, events, graph]);
  // `?at=` works here too, for a file opened again with the same link.
  const [initialAt] = useState(() => parseAtParam(new URLSearchParams(window.location.search).get('at')));
  const replay = useReplay(events, initialAt);
  // A file never grows: the replay's checkpoints are taken while the page is idle.
  const shown = useReplayDetail(definition, graph, replay, detail, events, true);
  const orderId = useMemo(() => sagaOrderIdOf(events, history.name), [events, history.name]);
  const sentences = useMemo(() => narrateEvents(events, { definition, graph }), [events, definition, graph]);
  const narration = latestSentence(sentences, replay.count);
  return (
    <>
      <ExecutionHeader name={history.name} reading={detail.reading} live={ENDED} targetLabel={`File: ${history.fileName}`} />
      <ReplayBar replay={replay} running={false} narration={narration} />
      <ExecutionDetailView
        definition={definition}
        layout={history.layout}
        events={replay.shown}
        detail={shown.detail}
        replay={shown.replay}
        aside={orderId && <ReplayDataPanel orderId={orderId} events={replay.shown} />}
      />
    </>
  );
}
