/**
 * Every temporary folder the tests make (sites, builds, packed packages) goes under one folder of this run, removed
 * when the run ends: `os.tmpdir()` reads TMPDIR, which the test workers and the builds they spawn inherit.
 * NEWSROOM_KEEP_TMP=1 keeps it, to look at what a failing test built.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), "newsroom-tests-"));
  process.env["TMPDIR"] = folder;
  return () => {
    if (process.env["NEWSROOM_KEEP_TMP"]) console.log(`Temporary folders kept in ${folder}`);
    else rmSync(folder, { recursive: true, force: true });
  };
}
