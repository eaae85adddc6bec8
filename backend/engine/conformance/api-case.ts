/**
 * An API conformance case: raw AWS JSON 1.0 calls in order, each with the answer recorded
 * on AWS. Strings in params and expectations may name values the case itself produced
 * (`${machine}`, `${execution}`, saved with `save`), plus `${name}`: a name unique to the
 * case. In expectations, `'datetime'` stands for a date (AWS's epoch seconds; LocalStack
 * records it as that word) and `'<uuid>'` for a UUID; `absent` lists fields AWS leaves out.
 */
export interface ApiStep {
  op: string;
  params: Record<string, unknown>;
  /** variable name -> response field to keep for later steps */
  save?: Record<string, string>;
  /** AWS's error: its __type and message */
  error?: { type: string; message: string };
  /** fields of AWS's 200 response (a subset: only what AWS recorded) */
  body?: Record<string, unknown>;
  absent?: string[];
  /** wait until DescribeExecution of this (substituted) ARN is no longer RUNNING, before the call */
  waitForEnd?: string;
}

export interface ApiCase {
  name: string;
  /** the LocalStack test (validated against AWS) whose recording this is */
  test: string;
  steps: ApiStep[];
}

export interface ApiCaseFile {
  source: { repository: string; file: string; validatedIn: string };
  cases: ApiCase[];
}
