/**
 * The CDK app (`cdk.json` runs it). Settings come from CDK context, e.g.
 *   npm run deploy -- -c removalPolicy=retain -c logLevel=ERROR -c includeExecutionData=false
 * cdk-nag's AwsSolutions and Serverless packs check the stack on every synth (infra/nag.ts).
 */
import { App } from 'aws-cdk-lib';
import { sagaPropsFromContext } from './context';
import { nagFindings } from './nag';
import { SAGA_STACK_NAME, SagaStack } from './saga-stack';

const app = new App();
const stack = new SagaStack(app, SAGA_STACK_NAME, {
  description: 'Order saga on AWS Step Functions, with its tables and a dashboard policy',
  saga: sagaPropsFromContext((key) => app.node.tryGetContext(key)),
});

app.synth();
// cdk-nag: a finding nobody acknowledged stops the synth (and so the deploy).
const findings = nagFindings(stack);
if (findings.length > 0) {
  console.error(`cdk-nag: ${findings.length} unacknowledged finding(s):\n${findings.join('\n')}`);
  process.exit(1);
}
