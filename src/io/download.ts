/**
 * Saves text as a file through the browser's download: nothing leaves the machine, and the
 * object URL is released once the click has been handled.
 */
export function downloadText(fileName: string, text: string, mimeType: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mimeType};charset=utf-8` }));
}

/** Saves a binary file (an image) the same way. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Reads a chosen file as UTF-8 text; rejects with a message naming the file. */
export async function readFileText(file: File): Promise<string> {
  try {
    return await file.text();
  } catch (error) {
    throw new Error(
      `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Reads a chosen file's bytes (for spreadsheets: CSV in any encoding, or XLSX). */
export async function readFileBytes(file: File): Promise<Uint8Array> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new Error(
      `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
