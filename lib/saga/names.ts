/**
 * The scenario and order id the dashboard encodes in an execution name
 * (`<scenarioCode>--<orderId>`, made by start.ts). Step Functions cannot
 * filter by input, so the name is the only place a list can read them from for free.
 * Names started elsewhere simply have no scenario.
 *
 * An order of a batch run has the id `<batchId>-<nnnn>` (`bat-` and 8 letters or digits,
 * then its place in the batch), so the same name also says which batch it belongs to,
 * and a name made before batches existed still decodes as it did.
 */
import { SCENARIO_CODES, type ScenarioCode } from './scenarios';

export const SCENARIO_SEPARATOR = '--';

export type NameParts = { scenario?: ScenarioCode; orderId?: string; batch?: string };

/** A batch's id: short, so names stay far below AWS's 80 characters. */
export const BATCH_ID_PATTERN = /^bat-[0-9a-z]{8}$/;
const BATCH_ORDER = /^(bat-[0-9a-z]{8})-\d{4}$/;

/** The order id of the `index`th order (from 0) of a batch. */
export const batchOrderId = (batchId: string, index: number): string => `${batchId}-${String(index + 1).padStart(4, '0')}`;

/** The batch an order id belongs to, if it is a batch order's. */
export const batchOfOrderId = (orderId: string): string | undefined => BATCH_ORDER.exec(orderId)?.[1];

const isScenarioCode = (value: string): value is ScenarioCode => (SCENARIO_CODES as readonly string[]).includes(value);

/** Splits at the first separator: codes never contain `--`, order ids may. */
export function decodeExecutionName(name: string): NameParts {
  const at = name.indexOf(SCENARIO_SEPARATOR);
  if (at <= 0) return {};
  const code = name.slice(0, at);
  const orderId = name.slice(at + SCENARIO_SEPARATOR.length);
  if (!isScenarioCode(code) || orderId === '') return {};
  const batch = batchOfOrderId(orderId);
  return { scenario: code, orderId, ...(batch ? { batch } : {}) };
}

export const encodeExecutionName = (scenario: ScenarioCode, orderId: string): string =>
  `${scenario}${SCENARIO_SEPARATOR}${orderId}`;
