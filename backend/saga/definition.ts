/**
 * The saga's ASL, shared by the local engine and the CDK stack. The JSON file keeps
 * CDK-style `${Placeholder}` tokens; each environment substitutes its own Lambda ARNs,
 * so both run the very same graph.
 */
import type { AslDefinition } from '@/lib/asl/types';
import definitionJson from './definition.asl.json';

export const SAGA_STATE_MACHINE_NAME = 'OrderSaga';

/** The raw file contents, placeholders intact (CDK hands this to DefinitionBody.fromString). */
export const SAGA_DEFINITION_TEMPLATE: string = JSON.stringify(definitionJson);

export class MissingPlaceholderError extends Error {
  override name = 'MissingPlaceholderError';
  constructor(readonly placeholder: string) {
    super(`No ARN given for placeholder \${${placeholder}} in the saga definition`);
  }
}

const PLACEHOLDER = /\$\{([A-Za-z0-9]+)\}/g;

/** Every placeholder the definition uses, in order of first appearance. */
export function definitionPlaceholders(template: string = SAGA_DEFINITION_TEMPLATE): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))];
}

/** The definition with every `${Placeholder}` replaced by its ARN; throws on a missing one. */
export function sagaDefinition(arns: Readonly<Record<string, string>>): AslDefinition {
  const text = SAGA_DEFINITION_TEMPLATE.replace(PLACEHOLDER, (_match, name: string) => {
    const arn = arns[name];
    if (arn === undefined) throw new MissingPlaceholderError(name);
    // ARNs never need JSON escaping, but stay safe if a caller passes something odd.
    return JSON.stringify(arn).slice(1, -1);
  });
  return JSON.parse(text) as AslDefinition;
}

/** The ARN the local engine registers a saga handler under. */
export const localLambdaArn = (functionName: string): string =>
  `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`;
