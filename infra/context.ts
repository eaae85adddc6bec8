/**
 * Turns CDK context (`-c key=value` or cdk.json) into OrderSaga props, refusing a typo
 * loudly rather than silently deploying with defaults.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { LogLevel } from 'aws-cdk-lib/aws-stepfunctions';
import type { OrderSagaProps } from './order-saga';

export class ContextError extends Error {
  override name = 'ContextError';
}

/**
 * No `snapshot`: CloudFormation can snapshot neither DynamoDB tables nor log groups and
 * rejects the stack. `retain` keeps them, and the tables keep point-in-time recovery.
 */
const REMOVAL: Record<string, RemovalPolicy> = {
  destroy: RemovalPolicy.DESTROY,
  retain: RemovalPolicy.RETAIN,
};

const LOG_LEVELS: Record<string, LogLevel> = Object.fromEntries(Object.values(LogLevel).map((level) => [level, level]));

function pick<T>(key: string, raw: unknown, choices: Record<string, T>): T | undefined {
  if (raw === undefined) return undefined;
  // A value given as JSON (`-c key='{"a":1}'`) is shown as such, not as [object Object].
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const choice = choices[text];
  if (choice === undefined) throw new ContextError(`Context ${key}=${text}: use one of ${Object.keys(choices).join(', ')}`);
  return choice;
}

function email(key: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string') throw new ContextError(`Context ${key}: give an email address`);
  const value = raw;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) throw new ContextError(`Context ${key}=${value}: not an email address`);
  return value;
}

function baseUrl(key: string, raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  if (!URL.canParse(text) || !/^https?:$/.test(new URL(text).protocol)) {
    throw new ContextError(`Context ${key}=${text}: give the dashboard's base URL, e.g. https://saga.example.com`);
  }
  return text.replace(/\/+$/, '');
}

export function sagaPropsFromContext(get: (key: string) => unknown): OrderSagaProps {
  return {
    removalPolicy: pick('removalPolicy', get('removalPolicy'), REMOVAL),
    logLevel: pick('logLevel', get('logLevel'), LOG_LEVELS),
    // `-c includeExecutionData=false` arrives as a string; cdk.json may hold a boolean.
    includeExecutionData: pick('includeExecutionData', get('includeExecutionData'), { true: true, false: false }),
    alertEmail: email('alertEmail', get('alertEmail')),
    dashboardUrl: baseUrl('dashboardUrl', get('dashboardUrl')),
  };
}
