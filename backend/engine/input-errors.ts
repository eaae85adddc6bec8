/**
 * InvalidExecutionInput in AWS's words. AWS parses input with Jackson and quotes its
 * message: "Invalid State Machine Execution Input: 'Unrecognized token 'not': was
 * expecting (...)'". JSON.parse says where it failed but not in those words, so this
 * scanner finds the first fault the way Jackson reports it. It runs only on input that
 * already failed to parse, with an explicit stack (no recursion, whatever the depth).
 */
const VALUE = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const charText = (c: string) => `'${c}' (code ${c.charCodeAt(0)})`;

type Expect = 'value' | 'firstKey' | 'key' | 'colon' | 'objectNext' | 'arrayFirst' | 'arrayNext' | 'end';

function fault(text: string): string {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.at(-1) === '{' ? 'objectNext' : stack.at(-1) === '[' ? 'arrayNext' : 'end');
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t') {
      i++;
      continue;
    }
    if (expect === 'end') return `Unexpected character (${charText(c)}): expected end of input`;
    if (expect === 'colon') {
      if (c !== ':') return `Unexpected character (${charText(c)}): was expecting a colon to separate field name and value`;
      expect = 'value';
      i++;
      continue;
    }
    if (expect === 'objectNext' || expect === 'arrayNext') {
      const close = expect === 'objectNext' ? '}' : ']';
      if (c === ',') expect = expect === 'objectNext' ? 'key' : 'value';
      else if (c === close) {
        stack.pop();
        expect = afterValue();
      } else return `Unexpected character (${charText(c)}): was expecting comma to separate ${expect === 'objectNext' ? 'Object' : 'Array'} entries`;
      i++;
      continue;
    }
    // An empty object or array: closed right where its first key or value could start.
    if ((expect === 'firstKey' && c === '}') || (expect === 'arrayFirst' && c === ']')) {
      stack.pop();
      expect = afterValue();
      i++;
      continue;
    }
    if (expect === 'firstKey' || expect === 'key') {
      if (c !== '"') return `Unexpected character (${charText(c)}): was expecting double-quote to start field name`;
      i = skipString(text, i);
      if (i < 0) return 'Unexpected end-of-input: was expecting closing quote for a string value';
      expect = 'colon';
      continue;
    }
    // a value
    if (c === '{' || c === '[') {
      stack.push(c);
      expect = c === '{' ? 'firstKey' : 'arrayFirst';
      i++;
    } else if (c === '"') {
      i = skipString(text, i);
      if (i < 0) return 'Unexpected end-of-input: was expecting closing quote for a string value';
      expect = afterValue();
    } else {
      const word = /^[-+.\w$]+/.exec(text.slice(i, i + 256))?.[0];
      if (word === undefined) return `Unexpected character (${charText(c)}): expected a valid value ${VALUE}`;
      if (!['true', 'false', 'null'].includes(word) && !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(word)) return `Unrecognized token '${word}': was expecting ${VALUE}`;
      i += word.length;
      expect = afterValue();
    }
  }
  const open = stack.at(-1);
  return open ? `Unexpected end-of-input: expected close marker for ${open === '{' ? 'Object' : 'Array'}` : 'No content to map due to end-of-input';
}

/** Index just past the string starting at `start`, or -1 when it never closes. */
function skipString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return -1;
}

/** AWS's message for an input that is empty or is not JSON. */
export function invalidInputMessage(text: string): string {
  return `Invalid State Machine Execution Input: '${text.trim() === '' ? 'Invalid execution input.' : fault(text)}'`;
}

/** The envelope AWS puts around every InvalidExecutionInput reason. */
export const invalidInput = (reason: string): string => `Invalid State Machine Execution Input: '${reason}'`;
