/** What the detail views point at: a state, and optionally one of its visits (the latest when absent). */
export type Selection = { state: string; visit?: number };
