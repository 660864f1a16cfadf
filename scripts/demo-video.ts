/**
 * `node --import tsx scripts/demo-video.ts`: makes site/assets/demo/test-pattern.mp4 and its poster, test-pattern.png,
 * the video file of the example site's demo page (site/elements.md), which shows the plugin's "your own file" provider
 * with a real file.
 *
 * The example story has no video file, and none may be invented, so the demo plays a test pattern made here: Chromium
 * (Debian's, as the browser tests use) draws colour bars, a square moving left to right and the seconds on a canvas
 * for four seconds, and its MediaRecorder records the canvas as H.264 in MP4; the poster is the pattern as drawn two
 * seconds in. There is no sound track. Nothing is downloaded. The files are kept in the repository (about 7 KB and
 * 4 KB); run this again only to change them.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium } from "../test/helpers/browser.js";

const SECONDS = 4;
const folder = join(resolve(import.meta.dirname, ".."), "site/assets/demo");

/** Runs in the page: draws the pattern, records it, and returns the file as base64. */
const RECORD = `async (seconds) => {
  const canvas = document.querySelector("canvas");
  const context = canvas.getContext("2d");
  // A frame goes to the recorder each time one is drawn, whatever the page's own frame rate.
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0];
  const recorder = new MediaRecorder(stream, { mimeType: "video/mp4;codecs=avc1", videoBitsPerSecond: 150000 });
  const chunks = [];
  recorder.ondataavailable = (event) => chunks.push(event.data);
  // The seven bars of a television test card, at 75%: grey, yellow, cyan, green, magenta, red, blue.
  const bars = ["#bfbfbf", "#bfbf00", "#00bfbf", "#00bf00", "#bf00bf", "#bf0000", "#0000bf"];
  const start = performance.now();
  function draw(elapsed = Math.min((performance.now() - start) / 1000, seconds)) {
    bars.forEach((colour, index) => {
      context.fillStyle = colour;
      context.fillRect(Math.floor((index * 320) / 7), 0, Math.ceil(320 / 7) + 1, 120);
    });
    context.fillStyle = "#111";
    context.fillRect(0, 120, 320, 60);
    context.fillStyle = "#fff";
    context.fillRect((elapsed / seconds) * 300, 128, 20, 12);
    context.font = "14px sans-serif";
    context.fillText("Test pattern · 0:0" + Math.floor(elapsed), 10, 168);
    track.requestFrame();
  }
  draw();
  recorder.start();
  await new Promise((done) => {
    const timer = setInterval(() => {
      draw();
      if (performance.now() - start >= seconds * 1000) {
        clearInterval(timer);
        done();
      }
    }, 40);
  });
  const stopped = new Promise((done) => (recorder.onstop = done));
  recorder.stop();
  await stopped;
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  // The poster: the pattern as it is drawn two seconds in.
  draw(2);
  return { video: btoa(binary), poster: canvas.toDataURL("image/png").split(",")[1] };
}`;

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.setContent('<canvas width="320" height="180"></canvas>');
  // Given as text: tsx compiles functions with a helper (`__name`) that the page does not have.
  const made = (await page.evaluate(`(${RECORD})(${SECONDS})`)) as { video: string; poster: string };
  mkdirSync(folder, { recursive: true });
  for (const [name, base64] of [["test-pattern.mp4", made.video], ["test-pattern.png", made.poster]] as const) {
    writeFileSync(join(folder, name), Buffer.from(base64, "base64"));
    console.log(`Wrote ${join(folder, name)} (${Buffer.from(base64, "base64").length} bytes)`);
  }
} finally {
  await browser.close();
}
