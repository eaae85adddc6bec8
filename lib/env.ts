/**
 * The one module that reads process.env. Everything else receives typed config
 * from here, so a missing or malformed variable fails once, early, with the
 * variable's name in the message.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseStatesArn } from './core/arn';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

/**
 * What the config functions read: process.env by default, a plain object in tests.
 * Not NodeJS.ProcessEnv, which Next's types extend with a required NODE_ENV.
 */
export type EnvSource = Readonly<Record<string, string | undefined>>;

function parse<S extends z.ZodType>(schema: S, source: EnvSource): z.infer<S> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${issues}`);
  }
  return result.data;
}

/** Table names shared by the handlers, the local bootstrap, the dashboard and CDK outputs. */
const tablesSchema = z.object({
  ORDERS_TABLE: z.string().min(3).default('saga-orders'),
  INVENTORY_TABLE: z.string().min(3).default('saga-inventory'),
  PAYMENTS_TABLE: z.string().min(3).default('saga-payments'),
  NOTIFICATIONS_TABLE: z.string().min(3).default('saga-notifications'),
  /** Set locally (embedded dynalite); unset on AWS, where the SDK's default endpoint applies. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).default('us-east-1'),
});

export type SagaDataConfig = {
  tables: { orders: string; inventory: string; payments: string; notifications: string };
  dynamoEndpoint: string | undefined;
  region: string;
};

export function sagaDataConfig(source: EnvSource = process.env): SagaDataConfig {
  const env = parse(tablesSchema, source);
  return {
    tables: {
      orders: env.ORDERS_TABLE,
      inventory: env.INVENTORY_TABLE,
      payments: env.PAYMENTS_TABLE,
      notifications: env.NOTIFICATIONS_TABLE,
    },
    dynamoEndpoint: env.DYNAMODB_ENDPOINT,
    region: env.AWS_REGION,
  };
}

const CRASH_AT_PATTERN = /^([A-Za-z]+):([^#@]+)(?:#([1-9]\d*))?(?:@([A-Za-z0-9_-]{1,80}))?$/;

const engineSchema = z.object({
  ENGINE_HOST: z.string().default('127.0.0.1'),
  ENGINE_PORT: port(8083),
  /** Port of the embedded DynamoDB emulator the engine starts for the saga's data. */
  DYNAMODB_PORT: port(8084),
  ENGINE_DATA_DIR: z.string().min(1).default('.data'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Tests only: every Nth GetExecutionHistory / DescribeExecution / StartExecution call (each counted on its own) gets a ThrottlingException. */
  ENGINE_THROTTLE_EVERY: z.coerce.number().int().min(1).optional(),
  /** Tests only: the engine SIGKILLs itself right after this history event is committed. */
  ENGINE_CRASH_AT: z
    .string()
    .regex(CRASH_AT_PATTERN, 'use <EventType>:<StateName>[#occurrence][@<executionName>], e.g. TaskStateEntered:CancelOrder#1@my-run')
    .optional(),
});

/**
 * A kill point: the `occurrence`th event of `eventType` written during a visit of
 * `stateName` (a Lambda event belongs to the state it runs for), counted from the engine's
 * start, in `executionName` only when one is given.
 */
export type CrashPoint = { eventType: string; stateName: string; occurrence: number; executionName: string | undefined };

export function parseCrashPoint(text: string): CrashPoint | undefined {
  const match = CRASH_AT_PATTERN.exec(text);
  if (!match) return undefined;
  const [, eventType = '', stateName = '', occurrence, executionName] = match;
  return { eventType, stateName, occurrence: occurrence ? Number(occurrence) : 1, executionName };
}

/** The inverse of parseCrashPoint, for the test that sets the variable. */
export const formatCrashPoint = (p: CrashPoint): string =>
  `${p.eventType}:${p.stateName}#${p.occurrence}${p.executionName ? `@${p.executionName}` : ''}`;

export type EngineConfig = {
  host: string;
  port: number;
  dynamoPort: number;
  dataDir: string;
  region: string;
  /** undefined (the default): never throttle */
  throttleEvery?: number;
  /** undefined (the default): never kill itself */
  crashAt?: CrashPoint;
};

export function engineConfig(source: EnvSource = process.env): EngineConfig {
  const env = parse(engineSchema, source);
  return {
    host: env.ENGINE_HOST,
    port: env.ENGINE_PORT,
    dynamoPort: env.DYNAMODB_PORT,
    dataDir: env.ENGINE_DATA_DIR,
    region: env.AWS_REGION,
    throttleEvery: env.ENGINE_THROTTLE_EVERY,
    crashAt: env.ENGINE_CRASH_AT === undefined ? undefined : parseCrashPoint(env.ENGINE_CRASH_AT),
  };
}

/**
 * The environment for a child process we launch (engine, dashboard, test runners):
 * ours plus overrides. Launch scripts pass the environment through without reading it.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}

/** NODE_OPTIONS for a child: ours (a person's `--inspect`, say) and then `flags`. */
export function childNodeOptions(flags: readonly string[], source: Readonly<Record<string, string | undefined>> = process.env): string {
  return [source.NODE_OPTIONS, ...flags].filter((part) => part !== undefined && part !== '').join(' ');
}

/**
 * The dashboard's view of where Step Functions lives. `SFN_ENDPOINT` set means the local
 * engine (static test credentials, the fixed local saga ARN); unset means AWS, with the
 * SDK's own credential chain and the saga ARN from `SAGA_STATE_MACHINE_ARN` or the CDK
 * outputs file. This is the only place that tells the two apart.
 */
const dashboardSchema = z.object({
  SFN_ENDPOINT: z.url().optional(),
  AWS_REGION: z.string().min(1).optional(),
  SAGA_STATE_MACHINE_ARN: z.string().startsWith('arn:').optional(),
  SAGA_OUTPUTS_FILE: z.string().min(1).default('infra/outputs.json'),
  /** How often the shared live poller asks for new history events. */
  LIVE_POLL_MS: z.coerce.number().int().min(20).max(60_000).optional(),
  /**
   * Tests only: in AWS mode (no SFN_ENDPOINT), send the AWS calls to these endpoints with
   * static credentials, `sfn=<url>,dynamodb=<url>[,logs=<url>]`, so a test can run
   * `npm run start:aws` against the local engine standing in for AWS.
   */
  AWS_ENDPOINTS_FOR_TESTS: z
    .string()
    .regex(/^(?:(?:sfn|dynamodb|logs)=https?:\/\/[^,=\s]+)(?:,(?:sfn|dynamodb|logs)=https?:\/\/[^,=\s]+)*$/, 'use sfn=<url>,dynamodb=<url>[,logs=<url>]')
    .optional(),
});

type AwsEndpoints = Partial<Record<'sfn' | 'dynamodb' | 'logs', string>>;
const parseEndpoints = (text: string): AwsEndpoints =>
  Object.fromEntries(text.split(',').map((pair) => pair.split('=') as [string, string]));

const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export const LOCAL_SAGA_STATE_MACHINE_ARN = 'arn:aws:states:us-east-1:000000000000:stateMachine:OrderSaga';

export type DashboardConfig = {
  sfn: {
    endpoint: string | undefined;
    /** undefined lets the SDK resolve it (AWS_PROFILE's config) */
    region: string | undefined;
    /** undefined means the SDK's default credential chain */
    credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  };
  /** undefined on AWS when neither the variable nor the outputs file names it */
  sagaStateMachineArn: string | undefined;
  livePollMs: number;
  data: SagaDataConfig;
  /** shown in the header so nobody mistakes the local engine for an AWS account */
  targetLabel: string;
  /** where a step's log lines are read: the engine's /_logs, or the functions' CloudWatch log groups */
  stepLogs: StepLogsConfig;
};

export type StepLogsConfig =
  | { source: 'engine'; engineUrl: string }
  | {
      source: 'cloudwatch';
      region: string | undefined;
      /** set only by AWS_ENDPOINTS_FOR_TESTS */
      endpoint: string | undefined;
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      /** Lambda function name -> its log group, from the stack's StepLogGroups output */
      logGroups: Record<string, string>;
    };

/** The stack's StepLogGroups output: JSON `[{functionName, logGroupName}]`; anything else reads as none. */
function readLogGroups(text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  const parsed = z
    .string()
    .transform((json, ctx) => {
      try {
        return JSON.parse(json) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not JSON' });
        return z.NEVER;
      }
    })
    .pipe(z.array(z.object({ functionName: z.string(), logGroupName: z.string() })))
    .safeParse(text);
  return parsed.success ? Object.fromEntries(parsed.data.map((g) => [g.functionName, g.logGroupName])) : {};
}

/** CDK writes `{ "<Stack>": { "<OutputKey>": "<value>" } }`; flatten it and tolerate anything else. */
function readCdkOutputs(path: string, readFile: (path: string) => string): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFile(path));
  } catch {
    return {};
  }
  const flat: Record<string, string> = {};
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'string') flat[key] = inner;
      else visit(inner);
    }
  };
  visit(parsed);
  return flat;
}

const outputEndingWith = (outputs: Record<string, string>, pattern: RegExp): string | undefined =>
  Object.entries(outputs).find(([key]) => pattern.test(key))?.[1];

export function dashboardConfig(
  source: EnvSource = process.env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): DashboardConfig {
  const env = parse(dashboardSchema, source);
  const data = sagaDataConfig(source);
  if (env.SFN_ENDPOINT) {
    return {
      sfn: {
        endpoint: env.SFN_ENDPOINT,
        region: env.AWS_REGION ?? 'us-east-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      },
      sagaStateMachineArn: env.SAGA_STATE_MACHINE_ARN ?? LOCAL_SAGA_STATE_MACHINE_ARN,
      // The local engine has no request quota, and a poll that finds nothing new costs it one
      // small page (see getEventsAfter): poll often, so a room sees each step sooner.
      livePollMs: env.LIVE_POLL_MS ?? 50,
      data,
      targetLabel: 'Local engine',
      stepLogs: { source: 'engine', engineUrl: env.SFN_ENDPOINT },
    };
  }
  const overrides = env.AWS_ENDPOINTS_FOR_TESTS === undefined ? {} : parseEndpoints(env.AWS_ENDPOINTS_FOR_TESTS);
  const credentials = env.AWS_ENDPOINTS_FOR_TESTS === undefined ? undefined : TEST_CREDENTIALS;
  const outputs = env.SAGA_STATE_MACHINE_ARN ? {} : readCdkOutputs(env.SAGA_OUTPUTS_FILE, readFile);
  const arn = env.SAGA_STATE_MACHINE_ARN ?? outputEndingWith(outputs, /StateMachineArn$/i);
  // An ARN names its region; prefer it over the SDK's guess when AWS_REGION is unset.
  const region = env.AWS_REGION ?? (arn === undefined ? undefined : parseStatesArn(arn)?.region);
  const table = (envName: string, pattern: RegExp, fallback: string) =>
    source[envName] ?? outputEndingWith(outputs, pattern) ?? fallback;
  return {
    sfn: { endpoint: overrides.sfn, region, credentials },
    sagaStateMachineArn: arn,
    // GetExecutionHistory refills 20 calls/s per account: one shared poller per execution at 2/s.
    livePollMs: env.LIVE_POLL_MS ?? 500,
    data: {
      ...data,
      dynamoEndpoint: overrides.dynamodb ?? data.dynamoEndpoint,
      region: region ?? data.region,
      tables: {
        orders: table('ORDERS_TABLE', /Orders\w*Table(Name)?$/i, data.tables.orders),
        inventory: table('INVENTORY_TABLE', /Inventory\w*Table(Name)?$/i, data.tables.inventory),
        payments: table('PAYMENTS_TABLE', /Payments?\w*Table(Name)?$/i, data.tables.payments),
        notifications: table('NOTIFICATIONS_TABLE', /Notifications?\w*Table(Name)?$/i, data.tables.notifications),
      },
    },
    targetLabel: region ? `AWS ${region}` : 'AWS',
    stepLogs: { source: 'cloudwatch', region, endpoint: overrides.logs, credentials, logGroups: readLogGroups(outputEndingWith(outputs, /StepLogGroups$/)) },
  };
}

const followSchema = z.object({
  /** where the follow view's current execution is kept across restarts */
  FOLLOW_FILE: z.string().min(1).optional(),
  ENGINE_DATA_DIR: z.string().min(1).default('.data'),
  /** the address phones in the room reach the dashboard at (the QR code); default: the page's own */
  DASHBOARD_PUBLIC_URL: z.url().optional(),
});

export type FollowConfig = { file: string; publicUrl: string | undefined };

/** The follow view's settings: its file sits with the local data unless FOLLOW_FILE says otherwise. */
export function followConfig(source: EnvSource = process.env): FollowConfig {
  const env = parse(followSchema, source);
  return { file: env.FOLLOW_FILE ?? `${env.ENGINE_DATA_DIR}/dashboard-follow.json`, publicUrl: env.DASHBOARD_PUBLIC_URL };
}

/** local: one presenter's machine; shared: a room watches, the operator signs in; read-only: nobody writes. */
export const DASHBOARD_MODES = ['local', 'shared', 'read-only'] as const;
export type DashboardMode = (typeof DASHBOARD_MODES)[number];

/** Long enough that guessing it through a rate-limited sign-in is hopeless. */
export const MIN_SECRET_LENGTH = 16;

const machineList = z
  .string()
  .transform((text) => text.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .pipe(z.array(z.string().regex(/^[^\s,]{1,256}$/, 'each entry is a state machine name or ARN')).min(1, 'name at least one state machine'));

const accessSchema = z
  .object({
    DASHBOARD_MODE: z.enum(DASHBOARD_MODES).default('local'),
    DASHBOARD_SECRET: z.string().optional(),
    /** names or ARNs a write may touch; unset: the saga only */
    ALLOWED_STATE_MACHINES: machineList.optional(),
    /** `*` (any machine) or names or ARNs that may be read; unset: any in local mode, the allow-list otherwise */
    READABLE_STATE_MACHINES: z.union([z.literal('*'), machineList]).optional(),
    /** writes one signed-in session may make per minute */
    WRITE_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  })
  .superRefine((env, ctx) => {
    if (env.DASHBOARD_MODE !== 'shared') return;
    if (env.DASHBOARD_SECRET === undefined || env.DASHBOARD_SECRET === '') {
      ctx.addIssue({ code: 'custom', path: ['DASHBOARD_SECRET'], message: 'shared mode needs the operator\'s secret: set DASHBOARD_SECRET' });
    } else if (env.DASHBOARD_SECRET.length < MIN_SECRET_LENGTH) {
      ctx.addIssue({
        code: 'custom',
        path: ['DASHBOARD_SECRET'],
        message: `must be at least ${MIN_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 24\`)`,
      });
    }
  });

export type AccessConfig = {
  mode: DashboardMode;
  /** the operator's secret; only in shared mode */
  secret: string | undefined;
  /** names or ARNs; undefined means the saga only */
  writable: readonly string[] | undefined;
  /** 'any', names or ARNs, or undefined: the same as `writable` */
  readable: 'any' | readonly string[] | undefined;
  writesPerMinute: number;
};

/** Who may do what (lib/access applies it). A shared dashboard without a usable secret does not start. */
export function accessConfig(source: EnvSource = process.env): AccessConfig {
  const env = parse(accessSchema, source);
  const readable = env.READABLE_STATE_MACHINES;
  return {
    mode: env.DASHBOARD_MODE,
    secret: env.DASHBOARD_MODE === 'shared' ? env.DASHBOARD_SECRET : undefined,
    writable: env.ALLOWED_STATE_MACHINES,
    readable: readable === '*' ? 'any' : (readable ?? (env.DASHBOARD_MODE === 'local' ? 'any' : undefined)),
    writesPerMinute: env.WRITE_RATE_PER_MINUTE,
  };
}

/**
 * `npm run start:aws`: the dashboard's AWS configuration whatever SFN_ENDPOINT says (the
 * local engine is not started), so it can refuse to start when nothing names a saga.
 */
export function awsDashboardConfig(source: EnvSource = process.env): DashboardConfig {
  return dashboardConfig({ ...source, SFN_ENDPOINT: undefined, DYNAMODB_ENDPOINT: undefined });
}

const startSchema = z.object({
  /** the dashboard's HTTP port (`npm start`) */
  PORT: port(3000),
  /** where a shared or read-only dashboard listens; a local one always binds 127.0.0.1 */
  HOST: z.string().regex(/^[A-Za-z0-9.:[\]-]{1,255}$/, 'an interface address or host name, e.g. 0.0.0.0').optional(),
});

export type StartConfig = { port: number; host: string; mode: DashboardMode };

/**
 * What `npm start` launches. Checks the access settings too, so a shared dashboard with
 * no secret fails before anything starts rather than at its first request.
 */
export function startConfig(source: EnvSource = process.env): StartConfig {
  const env = parse(startSchema, source);
  const { mode } = accessConfig(source);
  if (mode === 'local' && env.HOST !== undefined && !isLoopback(env.HOST)) {
    throw new ConfigError(`Invalid environment: HOST: a local dashboard listens on 127.0.0.1 only; set DASHBOARD_MODE=shared (with DASHBOARD_SECRET) or read-only to listen on ${env.HOST}`);
  }
  return { port: env.PORT, host: mode === 'local' ? '127.0.0.1' : (env.HOST ?? '0.0.0.0'), mode };
}

const isLoopback = (host: string): boolean => host === '127.0.0.1' || host === 'localhost' || host === '::1';

/** `next dev`: the CSP then allows eval, which React's development build needs. */
export const isDevelopment = (source: EnvSource = process.env): boolean => source.NODE_ENV === 'development';

const e2eSchema = z.object({
  /** shifts every browser-test port, so two checkouts can run their e2e suites side by side */
  E2E_PORT_OFFSET: z.coerce.number().int().min(0).max(20_000).default(0),
});

export function e2ePortOffset(source: EnvSource = process.env): number {
  return parse(e2eSchema, source).E2E_PORT_OFFSET;
}

const browserSchema = z.object({
  /** a Chromium to drive instead of Playwright's own download (which cannot be fetched here) */
  PLAYWRIGHT_CHROMIUM_PATH: z.string().min(1).optional(),
});

/** The Chromium the browser tests and benchmarks launch: the env override, Debian's, or Playwright's. */
export function chromiumPath(source: EnvSource = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  const chosen = parse(browserSchema, source).PLAYWRIGHT_CHROMIUM_PATH;
  if (chosen) return chosen;
  return exists('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}
