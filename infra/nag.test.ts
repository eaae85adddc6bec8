/** cdk-nag's AwsSolutions and Serverless packs on the synthesized stack: nothing unacknowledged. */
import { Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { nagFindings } from './nag';
import type { SagaStack } from './saga-stack';
import { synthSaga } from './testing/synth';

let stack: SagaStack;
beforeAll(() => {
  stack = synthSaga({ alertEmail: 'oncall@example.com', dashboardUrl: 'https://saga.example.com' }).stack;
});

type Acknowledged = { id: string; reason: string };
function acknowledgements(): { path: string; ack: Acknowledged }[] {
  return stack.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      // Recorded as { [id]: reason } per acknowledgement.
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]): Acknowledged => ({ id, reason })))
      .map((ack) => ({ path: c.node.path, ack })),
  );
}

describe('cdk-nag', () => {
  it('finds nothing that is not acknowledged', () => {
    expect(nagFindings(stack)).toEqual([]);
  });

  it('acknowledges each finding on the construct it concerns, naming the rule (and the resource, for IAM5) and the reason', () => {
    const acks = acknowledgements();
    expect(acks.length).toBeGreaterThan(0);
    for (const { path, ack } of acks) {
      expect(path).not.toBe(stack.node.path);
      expect(ack.id).toMatch(/^(Annotation::)?(AwsSolutions|Serverless)-[A-Za-z0-9]+(\[Resource::.+\])?$/);
      if (ack.id.startsWith('AwsSolutions-IAM5')) expect(ack.id).toContain('[Resource::');
      expect(ack.reason.length).toBeGreaterThan(40);
    }
  });

  it('still reports a managed policy on a Lambda role (the check is live)', () => {
    const broken = synthSaga({}, (s) => {
      s.saga.functions.CreateOrder.role?.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonDynamoDBFullAccess'));
    }).stack;
    expect(nagFindings(broken).some((f) => f.startsWith('AwsSolutions-IAM4'))).toBe(true);
  });
});
