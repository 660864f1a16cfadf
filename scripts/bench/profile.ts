/**
 * Reads a V8 CPU profile (`node --cpu-prof`) of a build and says where the time went: by package (self time), how much
 * ran inside the plugin (any plugin frame on the stack, so markdown-it called by the plugin counts as the plugin's),
 * and the plugin's heaviest functions.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  /** Self time by package or area. */
  byArea: Array<[string, number]>;
  /** Samples with a frame of the plugin anywhere on the stack. */
  insidePluginMs: number;
  /** The same, for each of the plugin's entry points (collections, Markdown rule, render, filters…). */
  insideByPluginFile: Array<[string, number]>;
  /** The plugin's functions by time spent in them and what they call. */
  topPluginFunctions: Array<[string, number]>;
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(node internals)";
  if (url.includes("/dist/src/") || url.includes("/dist/plugin/")) return "eleventy-plugin-newsroom";
  const packages = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (packages.length > 0) return packages.at(-1)![1]!;
  if (url.startsWith("node:")) return "(node internals)";
  return "(other)";
}

function pluginFile(url: string): string | undefined {
  return /\/dist\/((?:src|plugin)\/.+)\.js$/.exec(url)?.[1];
}

export function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));

  const byArea = new Map<string, number>();
  const insideByFile = new Map<string, number>();
  const inclusiveByFunction = new Map<string, number>();
  let insidePluginMs = 0;
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    totalMs += ms;
    const area = areaOf(node.callFrame.url, node.callFrame.functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
    // Walk up the stack once: every plugin file and function on it gets this sample's time, once each.
    const files = new Set<string>();
    const functions = new Set<string>();
    let outermostFile: string | undefined;
    for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
      const frame = byId.get(current)!.callFrame;
      const path = pluginFile(frame.url);
      if (path === undefined) continue;
      files.add(path);
      outermostFile = path;
      functions.add(`${frame.functionName || "(anonymous)"} (${path}.js:${frame.lineNumber + 1})`);
    }
    if (outermostFile !== undefined) {
      insidePluginMs += ms;
      insideByFile.set(outermostFile, (insideByFile.get(outermostFile) ?? 0) + ms);
    }
    for (const name of functions) inclusiveByFunction.set(name, (inclusiveByFunction.get(name) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return {
    totalMs,
    byArea: sorted(byArea),
    insidePluginMs,
    insideByPluginFile: sorted(insideByFile),
    topPluginFunctions: sorted(inclusiveByFunction).slice(0, 15),
  };
}
