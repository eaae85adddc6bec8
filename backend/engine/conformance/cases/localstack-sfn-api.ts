/**
 * Recorded on AWS: localstack/localstack tests/aws/services/stepfunctions/v2/test_sfn_api.snapshot.json
 * (every test below is listed in test_sfn_api.validation.json). The ARNs LocalStack masked
 * (`arn:<partition>:states:<region>:111111111111:stateMachine:<ArnPart_0idx>`) are the
 * case's own `${machine}`; its literal placeholders (`invalid_execution_arn`) are sent as is.
 */
import type { ApiCase, ApiCaseFile } from '../api-case';

const T = 'tests/aws/services/stepfunctions/v2/test_sfn_api.py::TestSnfApi::';
const ROLE = 'arn:aws:iam::000000000000:role/conformance';
const PASS_RESULT = { Comment: 'BASE_PASS_RESULT', StartAt: 'State_1', States: { State_1: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } } };
const WAIT_1_MIN = {
  Comment: 'WAIT_1_MIN',
  StartAt: 'State_1',
  States: { State_1: { Type: 'Wait', Seconds: 60, Next: 'State_2' }, State_2: { Type: 'Pass', Result: { Arg1: 'argument1' }, End: true } },
};
const withResult = (arg1: string) => ({ ...PASS_RESULT, States: { State_1: { ...PASS_RESULT.States.State_1, Result: { Arg1: arg1 } } } });

const create = (definition: object = PASS_RESULT, roleArn = ROLE) => ({
  op: 'CreateStateMachine',
  params: { name: '${name}', definition, roleArn },
  save: { machine: 'stateMachineArn' },
  body: { stateMachineArn: '${machine}', creationDate: 'datetime' },
});
const start = (input = '{}', save = 'execution') => ({
  op: 'StartExecution',
  params: { stateMachineArn: '${machine}', input },
  save: { [save]: 'executionArn' },
  body: { executionArn: `\${${save}}`, startDate: 'datetime' },
});
const invalidArn = (op: string, field: string, value: string): ApiCase['steps'][number] => ({
  op,
  params: { [field]: value },
  error: { type: 'InvalidArn', message: `Invalid Arn: 'Invalid ARN prefix: ${value}'` },
});
const describeMachine = (extra: Record<string, unknown>, absent: string[] = []) => ({
  op: 'DescribeStateMachine',
  params: { stateMachineArn: '${machine}' },
  body: { stateMachineArn: '${machine}', status: 'ACTIVE', type: 'STANDARD', creationDate: 'datetime', loggingConfiguration: { includeExecutionData: false, level: 'OFF' }, tracingConfiguration: { enabled: false }, ...extra },
  absent,
});

const cases: ApiCase[] = [
  { name: 'DeleteStateMachine on a missing machine answers 200', test: `${T}test_delete_nonexistent_sm`, steps: [
    { op: 'DeleteStateMachine', params: { stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:never-created' }, body: {} },
  ] },
  { name: 'create then delete a valid machine', test: `${T}test_create_delete_valid_sm`, steps: [
    create(),
    { op: 'DeleteStateMachine', params: { stateMachineArn: '${machine}' }, body: {} },
  ] },
  { name: 'a definition without States is InvalidDefinition', test: `${T}test_create_delete_invalid_sm`, steps: [
    { op: 'CreateStateMachine', params: { name: '${name}', definition: { Comment: 'BASE_INVALID_DER', StartAt: 'State_1' }, roleArn: ROLE },
      error: { type: 'InvalidDefinition', message: "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'" } },
  ] },
  { name: 'the same name with another definition is StateMachineAlreadyExists', test: `${T}test_create_duplicate_sm_name`, steps: [
    create(),
    { op: 'CreateStateMachine', params: { name: '${name}', definition: withResult('Argument2'), roleArn: ROLE },
      error: { type: 'StateMachineAlreadyExists', message: "State Machine Already Exists: '${machine}'" } },
  ] },
  { name: 'an exact duplicate CreateStateMachine returns the same machine', test: `${T}test_create_exact_duplicate_sm`, steps: [
    create(),
    { op: 'CreateStateMachine', params: { name: '${name}', definition: PASS_RESULT, roleArn: ROLE }, body: { stateMachineArn: '${machine}', creationDate: 'datetime' } },
  ] },
  { name: 'StartExecution on a deleted machine is StateMachineDoesNotExist', test: `${T}test_invalid_start_execution_arn`, steps: [
    create(),
    { op: 'DeleteStateMachine', params: { stateMachineArn: '${machine}' }, body: {} },
    { op: 'StartExecution', params: { stateMachineArn: '${machine}' }, error: { type: 'StateMachineDoesNotExist', message: "State Machine Does Not Exist: '${machine}'" } },
  ] },
  { name: 'input that is not JSON: Jackson\'s unrecognized token', test: `${T}test_invalid_start_execution_input`, steps: [
    create(),
    { op: 'StartExecution', params: { stateMachineArn: '${machine}', input: 'not some json' }, error: { type: 'InvalidExecutionInput',
      message: "Invalid State Machine Execution Input: 'Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')'" } },
  ] },
  { name: 'input with a single-quoted key: Jackson\'s field-name message', test: `${T}test_invalid_start_execution_input`, steps: [
    create(),
    { op: 'StartExecution', params: { stateMachineArn: '${machine}', input: "{'not': 'json'" }, error: { type: 'InvalidExecutionInput',
      message: "Invalid State Machine Execution Input: 'Unexpected character (''' (code 39)): was expecting double-quote to start field name'" } },
  ] },
  { name: 'empty input is InvalidExecutionInput', test: `${T}test_invalid_start_execution_input`, steps: [
    create(),
    { op: 'StartExecution', params: { stateMachineArn: '${machine}', input: '' }, error: { type: 'InvalidExecutionInput', message: "Invalid State Machine Execution Input: 'Invalid execution input.'" } },
  ] },
  { name: 'a number and a string are valid inputs', test: `${T}test_invalid_start_execution_input`, steps: [create(), start('2', 'numberRun'), start('"some text"', 'stringRun')] },
  { name: 'DescribeStateMachine with a malformed ARN', test: `${T}test_describe_invalid_arn_sm`, steps: [invalidArn('DescribeStateMachine', 'stateMachineArn', 'not_a_valid_arn')] },
  { name: 'ListExecutions with a malformed ARN', test: `${T}test_list_execution_invalid_arn`, steps: [invalidArn('ListExecutions', 'stateMachineArn', 'invalid_state_machine_arn')] },
  { name: 'GetExecutionHistory with a malformed ARN', test: `${T}test_get_execution_history_invalid_arn`, steps: [invalidArn('GetExecutionHistory', 'executionArn', 'invalid_state_machine_arn')] },
  { name: 'DescribeExecution with a malformed ARN', test: `${T}test_describe_execution_invalid_arn`, steps: [invalidArn('DescribeExecution', 'executionArn', 'invalid_state_machine_arn')] },
  { name: 'DescribeExecution of a missing execution', test: `${T}test_describe_execution_no_such_state_machine`, steps: [
    create(),
    { op: 'DescribeExecution', params: { executionArn: 'arn:aws:states:us-east-1:000000000000:execution:${name}:missing' },
      error: { type: 'ExecutionDoesNotExist', message: "Execution Does Not Exist: 'arn:aws:states:us-east-1:000000000000:execution:${name}:missing'" } },
  ] },
  { name: 'GetExecutionHistory of a missing execution', test: `${T}test_get_execution_history_no_such_execution`, steps: [
    { op: 'GetExecutionHistory', params: { executionArn: 'arn:aws:states:us-east-1:000000000000:execution:${name}:missing' },
      error: { type: 'ExecutionDoesNotExist', message: "Execution Does Not Exist: 'arn:aws:states:us-east-1:000000000000:execution:${name}:missing'" } },
  ] },
  { name: 'ListExecutions of a missing machine', test: `${T}test_list_execution_no_such_state_machine`, steps: [
    { op: 'ListExecutions', params: { stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:${name}' },
      error: { type: 'StateMachineDoesNotExist', message: "State Machine Does Not Exist: 'arn:aws:states:us-east-1:000000000000:stateMachine:${name}'" } },
  ] },
  { name: 'a lower-case statusFilter is a ValidationException naming the enum', test: `${T}test_state_machine_status_filter`, steps: [
    create(),
    { op: 'ListExecutions', params: { stateMachineArn: '${machine}', statusFilter: 'succeeded' }, error: { type: 'ValidationException',
      message: "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]" } },
  ] },
  { name: 'ListStateMachines: maxResults above 1000', test: `${T}test_list_sms_pagination`, steps: [
    { op: 'ListStateMachines', params: { maxResults: 1001 }, error: { type: 'ValidationException',
      message: "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000" } },
  ] },
  { name: 'ListStateMachines: a nextToken over 1024 characters', test: `${T}test_list_sms_pagination`, steps: [
    { op: 'ListStateMachines', params: { nextToken: 'x'.repeat(1025) }, error: { type: 'ValidationException',
      message: `1 validation error detected: Value '${'x'.repeat(1025)}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 1024` } },
  ] },
  { name: 'ListExecutions: maxResults above 1000', test: `${T}test_list_executions_pagination`, steps: [
    create(),
    { op: 'ListExecutions', params: { stateMachineArn: '${machine}', maxResults: 1001 }, error: { type: 'ValidationException',
      message: "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000" } },
  ] },
  { name: 'ListExecutions: a nextToken over 3096 characters', test: `${T}test_list_executions_pagination`, steps: [
    create(),
    { op: 'ListExecutions', params: { stateMachineArn: '${machine}', nextToken: 'x'.repeat(3097) }, error: { type: 'ValidationException',
      message: `1 validation error detected: Value '${'x'.repeat(3097)}' at 'nextToken' failed to satisfy constraint: Member must have length less than or equal to 3096` } },
  ] },
  { name: 'StartSyncExecution on a STANDARD machine', test: `${T}test_start_sync_execution`, steps: [
    create(),
    { op: 'StartSyncExecution', params: { stateMachineArn: '${machine}' }, error: { type: 'StateMachineTypeNotSupported', message: 'This operation is not supported by this type of state machine' } },
  ] },
  { name: 'UpdateStateMachine: each new definition is a new revision; none shown before', test: `${T}test_create_update_state_machine_base_definition`, steps: [
    create(),
    describeMachine({ definition: PASS_RESULT, roleArn: ROLE }, ['revisionId']),
    { op: 'UpdateStateMachine', params: { stateMachineArn: '${machine}', definition: withResult('AfterUpdate1') }, save: { rev1: 'revisionId' }, body: { revisionId: '<uuid>', updateDate: 'datetime' } },
    describeMachine({ definition: withResult('AfterUpdate1'), revisionId: '${rev1}' }),
    { op: 'UpdateStateMachine', params: { stateMachineArn: '${machine}', definition: withResult('AfterUpdate2') }, save: { rev2: 'revisionId' }, body: { revisionId: '<uuid>', updateDate: 'datetime' } },
    describeMachine({ definition: withResult('AfterUpdate2'), revisionId: '${rev2}' }),
  ] },
  { name: 'UpdateStateMachine: a new role is a new revision', test: `${T}test_create_update_state_machine_base_role_arn`, steps: [
    create(),
    { op: 'UpdateStateMachine', params: { stateMachineArn: '${machine}', roleArn: `${ROLE}-t1` }, save: { rev1: 'revisionId' }, body: { revisionId: '<uuid>', updateDate: 'datetime' } },
    describeMachine({ roleArn: `${ROLE}-t1`, revisionId: '${rev1}', definition: PASS_RESULT }),
  ] },
  { name: 'UpdateStateMachine: the same parameters again keep the revision', test: `${T}test_create_update_state_machine_same_parameters`, steps: [
    create(),
    { op: 'UpdateStateMachine', params: { stateMachineArn: '${machine}', roleArn: `${ROLE}-t1` }, save: { rev1: 'revisionId' }, body: { revisionId: '<uuid>', updateDate: 'datetime' } },
    { op: 'UpdateStateMachine', params: { stateMachineArn: '${machine}', roleArn: `${ROLE}-t1` }, body: { revisionId: '${rev1}', updateDate: 'datetime' } },
  ] },
  { name: 'UpdateStateMachine with nothing to change', test: `${T}test_create_update_state_machine_base_update_none`, steps: [
    create(),
    { op: 'UpdateStateMachine', params: { stateMachineArn: '${machine}' }, error: { type: 'MissingRequiredParameter',
      message: 'Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified' } },
  ] },
  { name: 'DescribeStateMachineForExecution of a never-updated machine has no revisionId', test: `${T}test_describe_state_machine_for_execution`, steps: [
    create(),
    start(),
    { op: 'DescribeStateMachineForExecution', params: { executionArn: '${execution}' }, absent: ['revisionId'],
      body: { definition: PASS_RESULT, name: '${name}', roleArn: ROLE, stateMachineArn: '${machine}', updateDate: 'datetime',
        loggingConfiguration: { includeExecutionData: false, level: 'OFF' }, tracingConfiguration: { enabled: false } } },
  ] },
  { name: 'DescribeExecution of a succeeded execution: NOT_REDRIVABLE and why', test: `${T}test_describe_execution`, steps: [
    create(),
    start(),
    { op: 'DescribeExecution', params: { executionArn: '${execution}' }, waitForEnd: '${execution}', body: {
      executionArn: '${execution}', input: '{}', inputDetails: { included: true }, output: '{"Arg1":"argument1"}', outputDetails: { included: true },
      redriveCount: 0, redriveStatus: 'NOT_REDRIVABLE', redriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      startDate: 'datetime', stopDate: 'datetime', stateMachineArn: '${machine}', status: 'SUCCEEDED' } },
  ] },
  { name: 'StopExecution: ExecutionAborted with empty details and previousEventId 0', test: `${T}test_stop_execution`, steps: [
    create(WAIT_1_MIN),
    start(),
    { op: 'StopExecution', params: { executionArn: '${execution}' }, body: { stopDate: 'datetime' } },
    { op: 'GetExecutionHistory', params: { executionArn: '${execution}' }, body: { events: [
      { executionStartedEventDetails: { input: '{}', inputDetails: { truncated: false }, roleArn: ROLE }, id: 1, previousEventId: 0, timestamp: 'datetime', type: 'ExecutionStarted' },
      { id: 2, previousEventId: 0, stateEnteredEventDetails: { input: '{}', inputDetails: { truncated: false }, name: 'State_1' }, timestamp: 'datetime', type: 'WaitStateEntered' },
      { executionAbortedEventDetails: {}, id: 3, previousEventId: 0, timestamp: 'datetime', type: 'ExecutionAborted' },
    ] } },
  ] },
  { name: 'a second start with another input while running is ExecutionAlreadyExists', test: `${T}test_start_execution_idempotent`, steps: [
    create(WAIT_1_MIN),
    { op: 'StartExecution', params: { stateMachineArn: '${machine}', name: 'run', input: '{}' }, save: { execution: 'executionArn' }, body: { executionArn: '${execution}' } },
    { op: 'StartExecution', params: { stateMachineArn: '${machine}', name: 'run', input: '{}' }, body: { executionArn: '${execution}', startDate: 'datetime' } },
    { op: 'StopExecution', params: { executionArn: '${execution}' }, body: { stopDate: 'datetime' } },
    { op: 'StartExecution', params: { stateMachineArn: '${machine}', name: 'run', input: '{}' },
      error: { type: 'ExecutionAlreadyExists', message: "Execution Already Exists: '${execution}'" } },
  ] },
  { name: 'GetExecutionHistory in reverse order', test: `${T}test_get_execution_history_reversed`, steps: [
    create(),
    start(),
    { op: 'GetExecutionHistory', params: { executionArn: '${execution}', reverseOrder: true }, waitForEnd: '${execution}', body: { events: [
      { executionSucceededEventDetails: { output: '{"Arg1":"argument1"}', outputDetails: { truncated: false } }, id: 4, previousEventId: 3, timestamp: 'datetime', type: 'ExecutionSucceeded' },
      { id: 3, previousEventId: 2, stateExitedEventDetails: { name: 'State_1', output: '{"Arg1":"argument1"}', outputDetails: { truncated: false } }, timestamp: 'datetime', type: 'PassStateExited' },
      { id: 2, previousEventId: 0, stateEnteredEventDetails: { input: '{}', inputDetails: { truncated: false }, name: 'State_1' }, timestamp: 'datetime', type: 'PassStateEntered' },
      { executionStartedEventDetails: { input: '{}', inputDetails: { truncated: false }, roleArn: ROLE }, id: 1, previousEventId: 0, timestamp: 'datetime', type: 'ExecutionStarted' },
    ] } },
  ] },
];

export const sfnApiCases: ApiCaseFile = {
  source: {
    repository: 'localstack/localstack',
    file: 'tests/aws/services/stepfunctions/v2/test_sfn_api.snapshot.json',
    validatedIn: 'tests/aws/services/stepfunctions/v2/test_sfn_api.validation.json',
  },
  cases,
};
