/** Lambda entry for CreateOrder: config and DynamoDB client built once per container, then reused. */
import { sagaDataConfig } from '@/lib/env';
import { createSagaFunctions } from '../functions';

export const handler = createSagaFunctions(sagaDataConfig()).CreateOrder;
