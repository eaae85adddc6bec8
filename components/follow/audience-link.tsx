'use client';

import { useCanWrite } from '@/components/access/access-context';
import QRCode from 'qrcode';
import { useEffect, useState, useTransition } from 'react';
import { showToAudience } from './actions';
import styles from './follow.module.css';

export const FOLLOW_PATH = '/follow';

/**
 * The presenter's "Audience link": the follow view's address as a QR code for phones in the
 * room, and "Show this one" to put the execution on screen on their views. `publicUrl` is the
 * address the room reaches the dashboard at (DASHBOARD_PUBLIC_URL); default: this page's.
 */
export function AudienceLink({ name, stateMachineArn, publicUrl }: { name: string; stateMachineArn?: string; publicUrl?: string }) {
  const [open, setOpen] = useState(false);
  const [svg, setSvg] = useState<string>();
  const [url, setUrl] = useState<string>();
  const [note, setNote] = useState<string>();
  const [pending, startTransition] = useTransition();
  const canWrite = useCanWrite(stateMachineArn);

  useEffect(() => {
    if (!open) return;
    const target = new URL(FOLLOW_PATH, publicUrl ?? window.location.origin).href;
    let live = true;
    void QRCode.toString(target, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((text) => {
      if (!live) return;
      setSvg(text);
      setUrl(target);
    });
    return () => {
      live = false;
    };
  }, [open, publicUrl]);

  const show = () =>
    startTransition(async () => {
      const result = await showToAudience({ name, ...(stateMachineArn ? { stateMachineArn } : {}) });
      setNote(result.status === 'done' ? 'The room now follows this execution.' : result.message);
    });

  return (
    <div className={styles.audience}>
      <button type="button" className={styles.audienceButton} aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="audience-link">
        Audience link
      </button>
      {open && (
        <div className={`card ${styles.popover}`} role="dialog" aria-label="Audience link" data-testid="audience-popover">
          <p className={styles.popoverText}>Scan to follow on a phone: the room always sees your current execution, read-only.</p>
          {svg && (
            // The SVG comes from the qrcode package, built from our own URL.
            <div className={styles.qr} data-testid="audience-qr" dangerouslySetInnerHTML={{ __html: svg }} />
          )}
          {url && (
            <a href={url} className={styles.followUrl} target="_blank" rel="noreferrer" data-testid="audience-url">
              {url}
            </a>
          )}
          {canWrite && (
            <button type="button" className={styles.audienceButton} onClick={show} disabled={pending} data-testid="audience-show">
              Show this execution to the room
            </button>
          )}
          {note && (
            <p className={styles.popoverText} role="status">
              {note}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
