'use client';

import { useMemo, useState, type DragEvent } from 'react';
import { readExecution } from '@/lib/history/read-execution';
import { FlowGraph } from '@/components/graph/flow-graph';
import { GraphLegend } from '@/components/graph/legend';
import { ExecutionHeader } from '@/components/execution/execution-header';
import { StatePanel } from '@/components/execution/state-panel';
import executionStyles from '@/components/execution/execution.module.css';
import styles from './import.module.css';
import { readImport, type ImportedHistory } from './read-files';

const ENDED = { state: 'ended' } as const;

/**
 * View an exported history with no credentials and no server: the files are read in the
 * browser and drawn with the same graph, header and state panel as a live execution.
 */
export function ImportView() {
  const [history, setHistory] = useState<ImportedHistory>();
  const [error, setError] = useState<string>();
  const [dragging, setDragging] = useState(false);
  const [selected, setSelected] = useState<string>();

  const load = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const texts = await Promise.all([...files].map(async (file) => ({ name: file.name, text: await file.text() })));
    const result = readImport(texts);
    // A bad file leaves whatever was open before in place.
    if (!result.ok) return setError(result.message);
    setError(undefined);
    setSelected(undefined);
    setHistory(result.history);
  };

  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setDragging(false);
    void load(event.dataTransfer.files);
  };

  const reading = useMemo(() => history && readExecution(history.definition, history.events), [history]);

  return (
    <div className={executionStyles.page}>
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
      {history && reading && (
        <>
          <ExecutionHeader name={history.name} reading={reading} live={ENDED} targetLabel={`File: ${history.fileName}`} />
          <div className={executionStyles.body}>
            <section className={`card ${executionStyles.graphCard}`} aria-label="Execution graph">
              <div className={executionStyles.graphHeader}>
                <h2 className="card__title">Graph</h2>
                <GraphLegend />
              </div>
              <div className={executionStyles.graphBody}>
                <FlowGraph layout={history.layout} reading={reading} selectedId={selected} onSelect={setSelected} />
              </div>
            </section>
            <aside className={executionStyles.sidebar}>
              <StatePanel state={selected ? reading.states[selected] : undefined} onClose={() => setSelected(undefined)} />
            </aside>
          </div>
        </>
      )}
    </div>
  );
}
