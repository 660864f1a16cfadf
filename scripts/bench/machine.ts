import { readFileSync } from "node:fs";
import { availableParallelism, cpus, release, totalmem } from "node:os";
import { join } from "node:path";

/** What the numbers were measured on: they only compare with numbers from the same kind of machine. */
export function describeMachine(repository: string): string[] {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() is what there is
  }
  const version = (path: string) => (JSON.parse(readFileSync(join(repository, path), "utf8")) as { version: string }).version;
  return [
    `CPU: ${cpu}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory`,
    `OS: ${process.platform} ${release()}`,
    `Node ${process.version}, Eleventy ${version("node_modules/@11ty/eleventy/package.json")}, markdown-it ${version("node_modules/markdown-it/package.json")}, eleventy-plugin-newsroom ${version("package.json")} (dist/)`,
  ];
}
