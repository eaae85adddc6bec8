/** Lambda entry for InventoryRollback: config and DynamoDB client built once per container, then reused. */
import { sagaDataConfig } from '@/lib/env';
import { createSagaFunctions } from '../functions';

export const handler = createSagaFunctions(sagaDataConfig()).InventoryRollback;
