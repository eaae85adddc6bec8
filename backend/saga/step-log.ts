/**
 * Each saga step logs structured JSON lines with Powertools for AWS Lambda's Logger, every
 * line carrying the execution name, the state name and the order id: on AWS, the dashboard
 * finds a step's lines in its function's log group by those keys (FilterLogEvents); locally
 * the engine hands the handlers a logger that keeps the same lines per step (its /_logs).
 */
import { Logger } from '@aws-lambda-powertools/logger';

export const STEP_LOG_SERVICE = 'order-saga';

/** The keys every line of one step's invocation carries (camelCase, as Step Functions' context names them). */
export type StepLogKeys = { executionName: string; stateName: string; orderId: string };

/** The logger for one invocation: one per call, so concurrent invocations never share keys. */
export type StepLoggerFactory = (keys: StepLogKeys) => Logger;

/** What a Lambda uses: Powertools writes the JSON lines to stdout, which Lambda sends to the function's log group. */
export const powertoolsStepLogger: StepLoggerFactory = (keys) => new Logger({ serviceName: STEP_LOG_SERVICE, persistentKeys: keys });
