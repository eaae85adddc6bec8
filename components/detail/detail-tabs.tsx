'use client';

import { useRef, type KeyboardEvent } from 'react';
import styles from './detail.module.css';

/** The tabs in order, with their labels. */
const TAB_LABEL = {
  graph: 'Graph',
  timeline: 'Timeline',
  events: 'Events',
  io: 'Input & output',
} as const;
export type DetailTab = keyof typeof TAB_LABEL;
const DETAIL_TABS = Object.keys(TAB_LABEL) as DetailTab[];

export const tabId = (tab: DetailTab) => `detail-tab-${tab}`;
export const panelId = (tab: DetailTab) => `detail-panel-${tab}`;

/**
 * The WAI-ARIA tabs pattern with automatic activation: one tab stop, arrows move along
 * the row and wrap, Home/End jump to the ends.
 */
export function DetailTabs({ active, onChange }: { active: DetailTab; onChange: (tab: DetailTab) => void }) {
  const refs = useRef(new Map<DetailTab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = DETAIL_TABS.indexOf(active);
    const last = DETAIL_TABS.length - 1;
    const to = { ArrowRight: at === last ? 0 : at + 1, ArrowLeft: at === 0 ? last : at - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const tab = DETAIL_TABS[to] as DetailTab;
    onChange(tab);
    refs.current.get(tab)?.focus();
  };

  return (
    <div role="tablist" aria-label="Execution views" className={styles.tabs} onKeyDown={onKeyDown}>
      {DETAIL_TABS.map((tab) => (
        <button
          key={tab}
          ref={(el) => {
            if (el) refs.current.set(tab, el);
            else refs.current.delete(tab);
          }}
          type="button"
          role="tab"
          id={tabId(tab)}
          aria-controls={panelId(tab)}
          aria-selected={tab === active}
          tabIndex={tab === active ? 0 : -1}
          className={styles.tab}
          data-testid={`tab-${tab}`}
          onClick={() => onChange(tab)}
        >
          {TAB_LABEL[tab]}
        </button>
      ))}
    </div>
  );
}
