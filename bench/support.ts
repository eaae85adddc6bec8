/** Small helpers the browser benches share. */
import { connect } from 'node:net';

export const print = (metric: string, value: number, unit: string, goal?: string) =>
  console.log(JSON.stringify({ metric, value, unit, ...(goal ? { goal } : {}) }));

export const waitForPort = async (port: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`port ${port} not open after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
};
