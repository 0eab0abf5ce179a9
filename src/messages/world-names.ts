/**
 * Names in the content scripts' world, shared by the gate and the background (which runs small
 * functions there with scripting.executeScript; such a function is serialised, so it gets the
 * names as arguments). `GATE_HANDLE`: the live gate, which the background asks to read the whole
 * page when the reader asks for a check. `GATE_REQUEST_FLAG`: set when no gate is on the page
 * yet (a site Gloss does not run on by itself); the gate injected right after takes it once, so
 * a later automatic look is not a request. A file of its own, so the gate takes these two
 * strings without evaluating the protocol's schemas and the lists they name.
 */
export const GATE_HANDLE = 'gloss.gate';
export const GATE_REQUEST_FLAG = 'gloss.gate.request';
