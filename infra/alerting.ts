/**
 * Alerting that reaches a person, all through one SNS topic (`-c alertEmail=` subscribes an
 * address to it):
 * - an EventBridge rule on the saga's execution status changes: any FAILED or TIMED_OUT
 *   except the clean-rollback Fail state means a compensation could not finish (the saga
 *   reads COMPENSATION_FAILED); its message carries the console link and, given
 *   `-c dashboardUrl=`, the dashboard's page of the execution;
 * - CloudWatch alarms on the state machine's ExecutionsFailed, ExecutionsTimedOut and
 *   ExecutionThrottled, and on every Lambda's Errors and Throttles.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledge } from './nag';

/** The one Fail state a rollback that finished ends in; any other failure left work for a person. */
export const CLEAN_ROLLBACK_ERROR = 'SagaRolledBack';

/**
 * A clean rollback (a declined payment, say) ends FAILED too, and a business refusal is a
 * Lambda error, so these two counts are rates to watch, not single events: alarm on a burst.
 */
const FAILURE_BURST = 5;

export type AlertingProps = {
  stateMachine: sfn.StateMachine;
  functions: readonly lambda.IFunction[];
  email: string | undefined;
  dashboardUrl: string | undefined;
};

export function createAlerting(scope: Construct, id: string, props: AlertingProps): sns.Topic {
  const alerting = new Construct(scope, id);
  const topic = new sns.Topic(alerting, 'alerts', { displayName: 'Order saga: a rollback needs a person', enforceSSL: true });
  // An alert that could not be delivered (by the rule to SNS, or by SNS to the mailbox) is kept, not lost.
  const deadLetters = new sqs.Queue(alerting, 'undelivered-alerts', { enforceSSL: true, retentionPeriod: Duration.days(14) });
  for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy']) {
    acknowledge(deadLetters, rule, 'This queue is itself the dead-letter queue of the alert deliveries; nothing consumes it to redrive from.');
  }
  if (props.email) topic.addSubscription(new subscriptions.EmailSubscription(props.email, { deadLetterQueue: deadLetters }));
  rollbackStuckRule(alerting, topic, deadLetters, props);
  const action = new cwActions.SnsAction(topic);
  const alarm = (alarmId: string, metric: cloudwatch.IMetric, threshold: number, description: string) =>
    new cloudwatch.Alarm(alerting, alarmId, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No executions, no data: that is calm, not an alarm.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    }).addAlarmAction(action);
  const period = { period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM };
  const sm = props.stateMachine;
  alarm('executions-failed', sm.metricFailed(period), FAILURE_BURST, `${FAILURE_BURST}+ saga executions failed in 5 minutes (clean rollbacks included)`);
  alarm('executions-timed-out', sm.metricTimedOut(period), 1, 'A saga execution timed out: its rollback may not have run');
  alarm('executions-throttled', sm.metricThrottled(period), 1, 'Step Functions throttled the saga');
  for (const fn of props.functions) {
    const name = fn.node.id;
    alarm(`${name}-errors`, fn.metricErrors(period), FAILURE_BURST, `${FAILURE_BURST}+ errors of the ${name} Lambda in 5 minutes`);
    alarm(`${name}-throttles`, fn.metricThrottles(period), 1, `The ${name} Lambda was throttled`);
  }
  return topic;
}

function rollbackStuckRule(scope: Construct, topic: sns.Topic, deadLetters: sqs.IQueue, props: AlertingProps): void {
  const field = (path: string) => events.EventField.fromPath(path);
  const region = Stack.of(scope).region;
  const consoleLink = `https://console.aws.amazon.com/states/home?region=${region}#/v2/executions/details/${field('$.detail.executionArn')}`;
  const dashboard = props.dashboardUrl ? ` Dashboard: ${props.dashboardUrl.replace(/\/$/, '')}/executions/${field('$.detail.name')}` : '';
  new events.Rule(scope, 'rollback-stuck', {
    description: 'A saga execution failed outside its clean rollback: a compensation could not finish',
    eventPattern: {
      source: ['aws.states'],
      detailType: ['Step Functions Execution Status Change'],
      detail: {
        stateMachineArn: [props.stateMachine.stateMachineArn],
        status: ['FAILED', 'TIMED_OUT'],
        error: [{ 'anything-but': CLEAN_ROLLBACK_ERROR }],
      },
    },
    targets: [
      new targets.SnsTopic(topic, {
        deadLetterQueue: deadLetters,
        message: events.RuleTargetInput.fromText(
          `Order saga execution ${field('$.detail.name')} stopped in its rollback (${field('$.detail.status')}: ${field('$.detail.error')}). ` +
            `A person must finish it: fix the cause, then Redrive the execution (the dashboard's "Finish the rollback"). ` +
            `Console: ${consoleLink}${dashboard}`,
        ),
      }),
    ],
  });
}
