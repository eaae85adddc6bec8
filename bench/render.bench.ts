/**
 * Issue 5 bench: layout plus first render of a generated 200-state machine with Parallel
 * and Map nesting, in a real Chromium, through the import page (the file is read, parsed,
 * laid out and drawn entirely in the browser). Measured from the file input's `change`
 * event to the first animation frame in which all 200 nodes are in the DOM.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMachine } from '../lib/asl/generate';
import { print, startStackAndBrowser } from './support';

const PORTS = { engine: 18383, dynamo: 18384, dashboard: 13300 };
const STATES = 200;
const RUNS = 7;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'render-bench-'));
  const file = join(dir, 'generated-200.json');
  writeFileSync(file, JSON.stringify({ definition: generateMachine(STATES), events: [] }));
  const { browser, stop } = await startStackAndBrowser(PORTS);
  try {
    const times: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(`http://localhost:${PORTS.dashboard}/import`);
      await page.evaluate(() => {
        const w = window as unknown as { __start?: number };
        document.querySelector('[data-testid=import-file]')!.addEventListener('change', () => (w.__start = performance.now()));
      });
      await page.getByTestId('import-file').setInputFiles(file);
      // Checked on every animation frame: the first frame with every node drawn ends the clock.
      const took = await page
        .waitForFunction(
          (expected) => {
            if (document.querySelectorAll('.react-flow__node').length < expected) return false;
            const w = window as unknown as { __start: number };
            return performance.now() - w.__start;
          },
          STATES,
          { polling: 'raf', timeout: 30_000 },
        )
        .catch(async (error: unknown) => {
          const drawn = await page.locator('.react-flow__node').count();
          throw new Error(`only ${drawn} of ${STATES} nodes drawn: ${String(error)}`);
        });
      times.push(Number(await took.jsonValue()));
      await page.close();
    }
    // The first run pays for code loading and JIT warm-up; report it apart.
    const [cold = NaN, ...warm] = times;
    warm.sort((a, b) => a - b);
    print('render_200_states_cold_ms', Math.round(cold), 'ms');
    print('render_200_states_median_ms', Math.round(warm[Math.floor(warm.length / 2)] ?? NaN), 'ms', '<=300');
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
