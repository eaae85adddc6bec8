/** Polling helpers for tests: wait through the public API, as any client would. */
import { DescribeExecutionCommand, type DescribeExecutionCommandOutput, type SFNClient } from '@aws-sdk/client-sfn';
import { setTimeout as sleep } from 'node:timers/promises';

export async function waitForEnd(sfn: SFNClient, executionArn: string, pollMs = 20): Promise<DescribeExecutionCommandOutput> {
  for (;;) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING') return described;
    await sleep(pollMs);
  }
}
