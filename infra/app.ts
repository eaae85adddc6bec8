/**
 * The CDK app (`cdk.json` runs it). Settings come from CDK context, e.g.
 *   npm run deploy -- -c removalPolicy=retain -c logLevel=ERROR -c includeExecutionData=false
 */
import { App } from 'aws-cdk-lib';
import { sagaPropsFromContext } from './context';
import { SAGA_STACK_NAME, SagaStack } from './saga-stack';

const app = new App();
new SagaStack(app, SAGA_STACK_NAME, {
  description: 'Order saga on AWS Step Functions, with its tables and a dashboard policy',
  saga: sagaPropsFromContext((key) => app.node.tryGetContext(key)),
});
