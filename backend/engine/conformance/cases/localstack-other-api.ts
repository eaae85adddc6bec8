/**
 * Recorded on AWS, each case from the LocalStack test it names (every one listed in that
 * test file's .validation.json): texts AWS uses across resources (InvalidName, InvalidToken,
 * InvalidArn for a foreign resource type) and the redrive fields DescribeExecution reports.
 * Redrive itself has no recorded history in LocalStack's snapshots, so only these fields are compared.
 */
import type { ApiCase, ApiCaseFile } from '../api-case';

const V2 = 'tests/aws/services/stepfunctions/v2/';
const ROLE = 'arn:aws:iam::000000000000:role/conformance';
const RAISE_FAILURE = {
  Comment: 'BASE_RAISE_FAILURE',
  StartAt: 'FailState',
  States: { FailState: { Type: 'Fail', Error: 'SomeFailure', Cause: "This state machines raises a 'SomeFailure' failure." } },
};
const RAISE_EMPTY_FAILURE = { Comment: 'BASE_RAISE_EMPTY_FAILURE', StartAt: 'FailState', States: { FailState: { Type: 'Fail' } } };
const PASS_RESULT = { Comment: 'BASE_PASS_RESULT', StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } } };

const create = (definition: object) => ({
  op: 'CreateStateMachine',
  params: { name: '${name}', definition, roleArn: ROLE },
  save: { machine: 'stateMachineArn' },
  body: { stateMachineArn: '${machine}' },
});
const start = { op: 'StartExecution', params: { stateMachineArn: '${machine}', input: '{}', name: 'run' }, save: { execution: 'executionArn' }, body: { executionArn: '${execution}' } };

/** CreateActivity's recorded texts (test_create_activity_invalid_name); AWS applies the same naming rule and text to state machines. */
const invalidName = (name: string): ApiCase => ({
  name: `the name '${name}' is InvalidName`,
  test: `${V2}test_sfn_api_activities.py::TestSnfApiActivities::test_create_activity_invalid_name[${name}]`,
  steps: [{ op: 'CreateStateMachine', params: { name, definition: PASS_RESULT, roleArn: ROLE }, error: { type: 'InvalidName', message: `Invalid Name: '${name}'` } }],
});

const cases: ApiCase[] = [
  invalidName('activity name'),
  invalidName('activity<name'),
  invalidName('activity:name'),
  {
    name: 'a forged ListExecutions token is InvalidToken',
    test: `${V2}test_sfn_api_aliasing.py::TestStateMachineAliases::test_list_state_machine_aliases_pagination_invalid_next_token`,
    steps: [
      create(PASS_RESULT),
      // The old unsigned form: base64 of the JSON cursor. Only tokens the engine signed are accepted.
      { op: 'ListExecutions', params: { stateMachineArn: '${machine}', nextToken: Buffer.from(JSON.stringify({ q: 'executions|${machine}|', c: [1e12, 1] })).toString('base64url') },
        error: { type: 'InvalidToken', message: "Invalid Token: 'Invalid token'" } },
    ],
  },
  {
    name: 'a forged GetExecutionHistory token is InvalidToken',
    test: `${V2}test_sfn_api_aliasing.py::TestStateMachineAliases::test_list_state_machine_aliases_pagination_invalid_next_token`,
    steps: [
      create(PASS_RESULT),
      start,
      { op: 'GetExecutionHistory', params: { executionArn: '${execution}', nextToken: 'eyJjIjpbMV19.AAAA' }, error: { type: 'InvalidToken', message: "Invalid Token: 'Invalid token'" } },
    ],
  },
  {
    name: 'DescribeExecution with an ARN of another resource type',
    test: `${V2}test_sfn_api_express.py::TestSfnApiExpress::test_start_async_describe_history_execution`,
    steps: [
      { op: 'DescribeExecution', params: { executionArn: 'arn:aws:states:us-east-1:000000000000:express:${name}:run:1a2b3c4d-0000-0000-0000-000000000000' },
        error: { type: 'InvalidArn', message: "Invalid Arn: 'Resource type not valid in this context: express'" } },
    ],
  },
  {
    name: 'a failed execution is REDRIVABLE, with no reason given',
    test: `${V2}base/test_base.py::TestSnfBase::test_state_fail`,
    steps: [
      create(RAISE_FAILURE),
      start,
      { op: 'DescribeExecution', params: { executionArn: '${execution}' }, waitForEnd: '${execution}', absent: ['redriveStatusReason', 'output'], body: {
        cause: "This state machines raises a 'SomeFailure' failure.", error: 'SomeFailure', executionArn: '${execution}', input: '{}', inputDetails: { included: true },
        redriveCount: 0, redriveStatus: 'REDRIVABLE', startDate: 'datetime', stateMachineArn: '${machine}', status: 'FAILED', stopDate: 'datetime' } },
    ],
  },
  {
    name: 'a Fail state without Error or Cause: REDRIVABLE, neither field reported',
    test: `${V2}base/test_base.py::TestSnfBase::test_state_fail_empty`,
    steps: [
      create(RAISE_EMPTY_FAILURE),
      start,
      { op: 'DescribeExecution', params: { executionArn: '${execution}' }, waitForEnd: '${execution}', absent: ['error', 'cause', 'redriveStatusReason'],
        body: { redriveCount: 0, redriveStatus: 'REDRIVABLE', status: 'FAILED', stopDate: 'datetime' } },
    ],
  },
];

export const otherApiCases: ApiCaseFile = {
  source: { repository: 'localstack/localstack', file: `${V2}(each case names its test file)`, validatedIn: `${V2}<test file>.validation.json` },
  cases,
};
