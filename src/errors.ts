/**
 * Every fault the plugin finds in what an author wrote is a NewsroomError: it names the file and line (where they can
 * be known), the element, what was wrong and how to fix it. It is created where the fault is found; whoever knows more
 * of the location (the Markdown rule knows the line, the Eleventy adapter knows the file) adds it with `locate`.
 */

export const PLUGIN_NAME = "eleventy-plugin-newsroom";

export interface ErrorLocation {
  /** The input file, as the site names it (e.g. `./site/stories/story.md`). */
  file?: string | undefined;
  /** 1-based line in that file. */
  line?: number | undefined;
}

export interface NewsroomErrorDetails extends ErrorLocation {
  /** The element or option at fault, e.g. `video`, `quote`, `option "timeZone"`. */
  element: string;
  /** What was wrong, as a sentence without a final full stop. */
  problem: string;
  /** How to fix it, as an imperative sentence without a final full stop. */
  fix: string;
}

export class NewsroomError extends Error {
  override readonly name = "NewsroomError";
  /**
   * Eleventy prints an error's stack trace after its message unless this is set. The fault is in what an author wrote,
   * which the message locates: the plugin's own stack would only print the message a second time.
   */
  readonly skipOriginalStack = true;
  readonly element: string;
  readonly problem: string;
  readonly fix: string;
  file: string | undefined;
  line: number | undefined;

  constructor(details: NewsroomErrorDetails) {
    super("");
    this.element = details.element;
    this.problem = details.problem;
    this.fix = details.fix;
    this.file = details.file;
    this.line = details.line;
    this.message = this.#format();
  }

  /** Fills in the parts of the location that are still unknown (an inner, more precise location wins). */
  locate(location: ErrorLocation): this {
    this.file ??= location.file;
    this.line ??= location.line;
    this.message = this.#format();
    return this;
  }

  /** Moves a line number that is relative to an element's body or a template's body to the file's numbering. */
  offsetLine(lines: number): this {
    if (this.line !== undefined) this.line += lines;
    this.message = this.#format();
    return this;
  }

  get where(): string {
    if (this.file === undefined) return this.line === undefined ? "" : `line ${this.line}`;
    return this.line === undefined ? this.file : `${this.file}:${this.line}`;
  }

  #format(): string {
    const where = this.where;
    return `[${PLUGIN_NAME}] ${where ? `${where}: ` : ""}${this.element}: ${this.problem}. Fix: ${this.fix}.`;
  }
}

export function isNewsroomError(error: unknown): error is NewsroomError {
  return error instanceof NewsroomError;
}
