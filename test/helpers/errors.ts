import { vi } from "vitest";

/** Eleventy wraps errors (originalError, cause); this joins the messages of the whole chain. */
export function errorChainText(error: unknown): string {
  const messages: string[] = [];
  const seen = new Set<unknown>();
  for (let e: any = error; e && !seen.has(e); e = e.originalError ?? e.cause) {
    seen.add(e);
    messages.push(String(e.message ?? e));
  }
  return messages.join("\n");
}

/** Runs a build that must fail and returns the text of its error chain. */
export async function failureOf(build: Promise<unknown>): Promise<string> {
  try {
    await build;
  } catch (error) {
    return errorChainText(error);
  }
  throw new Error("expected the build to fail, but it succeeded");
}

/** The lines a build printed, through every console method, while `build` ran. */
export async function printedDuring<T>(build: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error"] as const).map((method) =>
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(...args.map(String).join(" ").split("\n"))),
  );
  try {
    return { result: await build(), lines };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
