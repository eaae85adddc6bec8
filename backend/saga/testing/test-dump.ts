/** Test helper: every item of the saga's tables, in a stable order, to compare before/after. */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { SagaDataConfig } from '@/lib/env';
import type { SagaClients } from '@/lib/saga-data/clients';
import { SAGA_TABLE_KEYS } from '@/lib/saga-data/tables';

export async function dumpTables({ doc }: SagaClients, tables: SagaDataConfig['tables']) {
  const dump: Record<string, unknown[]> = {};
  for (const key of SAGA_TABLE_KEYS) {
    const out = await doc.send(new ScanCommand({ TableName: tables[key], ConsistentRead: true }));
    dump[key] = (out.Items ?? []).sort((a, b) => String(a.pk).localeCompare(String(b.pk)));
  }
  return dump;
}
