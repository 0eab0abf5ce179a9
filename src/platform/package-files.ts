/**
 * Files of Gloss's own package read as bytes (the catalogue index). The one fetch() in Gloss, and
 * only ever of a URL inside the package: nothing leaves the machine.
 */
import { browser } from './browser';

/** The bytes of `path` in the package (e.g. `catalogue/index.bin`). */
export async function readPackageFile(path: string): Promise<ArrayBuffer> {
  const response = await fetch(browser.runtime.getURL(path));
  if (!response.ok) throw new Error(`Gloss: ${path} could not be read (${response.status})`);
  return response.arrayBuffer();
}
