/**
 * Any state machine, not only the saga: register one with Parallel and Map on the test
 * engine, pick it in the dashboard, run it, and see nested groups with live statuses.
 */
import { CreateStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { expect, test } from '@playwright/test';
import { engineClient } from './engine-client';

const sfn = engineClient();

const definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: { Type: 'Pass', Result: { items: [1, 2, 3] }, Next: 'FanOut' },
    FanOut: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
        {
          StartAt: 'EachItem',
          States: {
            EachItem: {
              Type: 'Map',
              ItemsPath: '$.items',
              ItemProcessor: { StartAt: 'Handle', States: { Handle: { Type: 'Pass', End: true } } },
              End: true,
            },
          },
        },
      ],
      Next: 'Done',
    },
    Done: { Type: 'Succeed' },
  },
};

test('a non-saga machine with Parallel and Map is picked, run and drawn with nested groups', async ({ page }) => {
  const name = `fan-out-${Date.now()}`;
  const { stateMachineArn } = await sfn.send(
    new CreateStateMachineCommand({ name, definition: JSON.stringify(definition), roleArn: 'arn:aws:iam::000000000000:role/x' }),
  );
  const run = `run-${Date.now()}`;
  await sfn.send(new StartExecutionCommand({ stateMachineArn, name: run, input: '{}' }));

  await page.goto('/');
  await page.getByTestId('nav-machines').click();
  await page.getByTestId(`machine-${name}`).click();
  await expect(page.getByTestId('machine-name')).toHaveText(name);
  await expect(page.getByTestId('state-FanOut')).toHaveAttribute('data-status', 'NOT_RUN');
  await page.getByTestId(`run-${run}`).click();

  for (const state of ['Prepare', 'FanOut', 'Left', 'EachItem', 'Handle', 'Done']) {
    await expect(page.getByTestId(`state-${state}`)).toHaveAttribute('data-status', 'SUCCEEDED');
  }
  await expect(page.getByTestId('saga-outcome')).toHaveAttribute('data-outcome', 'COMPLETED');
  await expect(page.getByTestId('iterations-EachItem')).toHaveText(/3 iterations/);
  const inside = async (outerId: string, innerId: string) => {
    const outer = (await page.getByTestId(`state-${outerId}`).boundingBox())!;
    const inner = (await page.getByTestId(`state-${innerId}`).boundingBox())!;
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
  };
  expect(await inside('FanOut', 'EachItem')).toBe(true);
  expect(await inside('EachItem', 'Handle')).toBe(true);
});
