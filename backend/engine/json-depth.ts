/**
 * How deeply a JSON text nests, found by scanning its characters, not by recursion: the
 * point is to refuse a `[[[[…]]]]` input before anything recursive (the executor clones
 * every state's input recursively) can overflow the stack and take the process down.
 */

/** Deeper than any real document, shallow enough for every recursive walk in the executor. */
export const MAX_INPUT_DEPTH = 512;
/** A request envelope is an object of scalars and strings; anything nested this deep is not one. */
export const MAX_BODY_DEPTH = 64;

/** True when `text` opens more than `max` arrays/objects inside one another. Stops at the first excess. */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) depth--;
  }
  return false;
}
