/**
 * The scenario and order id the dashboard encodes in an execution name
 * (`<scenarioCode>--<orderId>`, made by start.ts). Step Functions cannot
 * filter by input, so the name is the only place a list can read them from for free.
 * Names started elsewhere simply have no scenario.
 */
import { SCENARIO_CODES, type ScenarioCode } from './scenarios';

export const SCENARIO_SEPARATOR = '--';

export type NameParts = { scenario?: ScenarioCode; orderId?: string };

const isScenarioCode = (value: string): value is ScenarioCode => (SCENARIO_CODES as readonly string[]).includes(value);

/** Splits at the first separator: codes never contain `--`, order ids may. */
export function decodeExecutionName(name: string): NameParts {
  const at = name.indexOf(SCENARIO_SEPARATOR);
  if (at <= 0) return {};
  const code = name.slice(0, at);
  const orderId = name.slice(at + SCENARIO_SEPARATOR.length);
  if (!isScenarioCode(code) || orderId === '') return {};
  return { scenario: code, orderId };
}

export const encodeExecutionName = (scenario: ScenarioCode, orderId: string): string =>
  `${scenario}${SCENARIO_SEPARATOR}${orderId}`;
