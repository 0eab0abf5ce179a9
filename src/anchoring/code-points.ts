/**
 * UTF-16 offsets (the engine's) <-> code point offsets (W3C TextPositionSelector's).
 */

/** UTF-16 offset in `text` -> code point offset (W3C TextPositionSelector counts code points). */
export function toCodePointOffset(text: string, offset: number): number {
  let cp = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < offset) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    cp++;
  }
  return cp;
}

/** Code point offset -> UTF-16 offset in `text`. */
export function fromCodePointOffset(text: string, cpOffset: number): number {
  let i = 0;
  for (let cp = 0; cp < cpOffset && i < text.length; cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else i++;
  }
  return i;
}
