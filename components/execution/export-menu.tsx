'use client';

import { useState } from 'react';
import styles from './actions.module.css';
import { saveBlob, saveUrl } from './download';
import { exportFileName } from './export-file';
import { imageFrame, renderGraphPng } from './graph-image';
import { graphSvg } from './graph-svg';
import type { ExecutionTarget } from './execution-target';
import { executionApiPath } from '@/lib/executions/urls';
import type { ExecutionReading } from '@/lib/history/types';

type Busy = 'json' | 'svg' | 'png' | undefined;

/** Why the export route refused, from its JSON error body (see app/api/executions/[name]/export). */
async function failureMessage(response: Response): Promise<string> {
  const body: unknown = await response.json().catch(() => undefined);
  const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' ? message : `The export failed (HTTP ${response.status}).`;
}

/** Export JSON ({definition, events}) and the graph as SVG or PNG. A file is saved only when complete. */
export function ExportMenu({
  target,
  reading,
  enabled,
  onError,
}: {
  target: ExecutionTarget;
  reading: ExecutionReading;
  enabled: boolean;
  onError: (message: string | undefined) => void;
}) {
  const [busy, setBusy] = useState<Busy>();
  const disabled = !enabled || busy !== undefined;

  const run = async (what: Exclude<Busy, undefined>, work: () => Promise<void>) => {
    setBusy(what);
    onError(undefined);
    try {
      await work();
    } catch (error) {
      onError(error instanceof Error ? error.message : 'The export failed.');
    } finally {
      setBusy(undefined);
    }
  };

  const exportJson = () =>
    run('json', async () => {
      const response = await fetch(executionApiPath(target.name, 'export', target.stateMachineArn)).catch(() => {
        throw new Error('Cannot reach the dashboard to export; check the connection and retry.');
      });
      if (!response.ok) throw new Error(await failureMessage(response));
      saveBlob(await response.blob(), exportFileName(target.name));
    });

  // A vector drawing made from the graph model, not a picture of the page: slide tools can use it.
  const exportSvg = () =>
    run('svg', () => {
      saveBlob(new Blob([graphSvg(target.layout, reading)], { type: 'image/svg+xml' }), `${target.name}.svg`);
      return Promise.resolve();
    });

  const exportPng = () =>
    run('png', async () => {
      // The page draws at most one graph; its viewport element is what React Flow transforms.
      const graph = document.querySelector<HTMLElement>('[data-testid="graph"]');
      const viewport = graph?.querySelector<HTMLElement>('.react-flow__viewport');
      if (!graph || !viewport) throw new Error('The graph is not on screen: show it, then export it.');
      const background = getComputedStyle(graph.closest('.card') ?? document.body).backgroundColor;
      saveUrl(await renderGraphPng(viewport, imageFrame(target.graphBounds), background), `${target.name}.png`);
    });

  return (
    <div className={styles.group} role="group" aria-label="Export">
      <span className={styles.groupLabel}>Export</span>
      <button type="button" className="btn" onClick={() => void exportJson()} disabled={disabled} data-testid="export-json">
        {busy === 'json' ? 'Exporting…' : 'JSON'}
      </button>
      <button type="button" className="btn" onClick={() => void exportSvg()} disabled={disabled} data-testid="export-svg">
        {busy === 'svg' ? 'Drawing…' : 'SVG'}
      </button>
      <button type="button" className="btn" onClick={() => void exportPng()} disabled={disabled} data-testid="export-png">
        {busy === 'png' ? 'Drawing…' : 'PNG'}
      </button>
    </div>
  );
}
