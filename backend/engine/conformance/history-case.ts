/**
 * A history conformance case: a definition and input as LocalStack ran them on AWS, and the
 * GetExecutionHistory events AWS recorded, kept in `cases/*.json` (one file per recording).
 */
import { testLambdaArn } from '../testing/test-engine';
import type { LambdaFunction } from '../lambdas';

export interface HistoryCase {
  name: string;
  /** the LocalStack test (validated against AWS) that recorded it */
  test: string;
  definition: Record<string, unknown>;
  input: string;
  expected: { events: Record<string, unknown>[] };
  /** a LocalStack transformer the recording went through, which the comparison then applies too */
  recordedWith?: 'SfnNoneRecursiveParallelTransformer';
  /** recording placeholder -> what stands for it here (sent in its place, masked back in the answer) */
  placeholders?: Record<string, string>;
  /** the recorded function was not a Node one: compare only a cause's errorType and errorMessage */
  lambdaCauses?: 'errorTypeAndMessage';
  /** the shared AWS history file the case was taken from, when it came from one */
  fixture?: string;
}

export interface HistoryCaseFile {
  source: { repository: string; file: string; validatedIn: string };
  conventions: string;
  cases: HistoryCase[];
}

class RecordedException extends Error {
  override name = 'Exception';
}

/** Functions the recorded cases call, behaving as the recorded ones did. */
export const CONFORMANCE_LAMBDAS: Record<string, LambdaFunction> = {
  // handler.py: raise Exception("Some exception was raised.")
  [testLambdaArn('conformance-raise')]: async () => {
    throw new RecordedException('Some exception was raised.');
  },
  // a function slower than the state's TimeoutSeconds
  [testLambdaArn('conformance-hang')]: () => new Promise<never>(() => undefined),
};
