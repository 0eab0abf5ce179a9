/**
 * The keyboard commands Gloss declares in manifest.json. Their ids are typed from the manifest, so
 * a command renamed there fails the type check here.
 */
type CommandId = keyof typeof import('../../manifest.json')['commands'];

/** Turns all highlights on or off (Alt+Shift+G unless the reader changed it). */
export const TOGGLE_HIGHLIGHTS_COMMAND: CommandId = 'toggle-highlights';
