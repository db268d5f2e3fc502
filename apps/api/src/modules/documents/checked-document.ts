/** The last step of every document job before the file is stored: it must open. */
import { documentProblem, type DocumentFormat } from "./document-check";
import { ExportFailure } from "./export-failure";

/**
 * A generated file that does not open. Named so BullMQ treats it as unrecoverable: the same data would build the
 * same broken file on a retry, so the export fails at once, with its reason, instead of after three attempts.
 */
export class UnreadableDocument extends ExportFailure {
  constructor(detail: string) {
    super("export.failed.unreadable", detail);
    this.name = "UnrecoverableError";
  }
}

/** `content` once it is known to open as a `format` file; a broken file fails the job instead of being stored. */
export async function checkedDocument(content: Uint8Array<ArrayBuffer>, format: DocumentFormat): Promise<Uint8Array<ArrayBuffer>> {
  const problem = await documentProblem(content, format);
  if (problem) throw new UnreadableDocument(problem);
  return content;
}
