/**
 * The one module that reads process.env. Everything else receives typed config
 * from here, so a missing or malformed variable fails once, early, with the
 * variable's name in the message.
 */
import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const port = (fallback: number) => z.coerce.number().int().min(1).max(65_535).default(fallback);

function parse<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv): z.infer<S> {
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

export function sagaDataConfig(source: NodeJS.ProcessEnv = process.env): SagaDataConfig {
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

const engineSchema = z.object({
  ENGINE_HOST: z.string().default('127.0.0.1'),
  ENGINE_PORT: port(8083),
  /** Port of the embedded DynamoDB emulator the engine starts for the saga's data. */
  DYNAMODB_PORT: port(8084),
  ENGINE_DATA_DIR: z.string().min(1).default('.data'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
});

export type EngineConfig = {
  host: string;
  port: number;
  dynamoPort: number;
  dataDir: string;
  region: string;
};

export function engineConfig(source: NodeJS.ProcessEnv = process.env): EngineConfig {
  const env = parse(engineSchema, source);
  return {
    host: env.ENGINE_HOST,
    port: env.ENGINE_PORT,
    dynamoPort: env.DYNAMODB_PORT,
    dataDir: env.ENGINE_DATA_DIR,
    region: env.AWS_REGION,
  };
}

/**
 * The environment for a child process we launch (engine, dashboard, test runners):
 * ours plus overrides. Launch scripts pass the environment through without reading it.
 */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
