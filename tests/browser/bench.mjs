// How long a viewer takes to open and become interactive in headless
// Chromium: from navigation to a node selected by a click, its panel shown.
//   node bench.mjs FILE.html [RUNS]
// (BENCHMARKS.md records the numbers; not a test.)
import puppeteer from "puppeteer-core";
import { pathToFileURL } from "node:url";

const [file, runs = "3"] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  for (let i = 0; i < Number(runs); i++) {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const start = Date.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.waitForSelector("#results li");
    const loaded = Date.now() - start;
    const id = await page.$eval("#results button", (b) => b.dataset.id);
    await page.$eval("#results button", (b) => b.click());
    await page.waitForFunction((x) => document.querySelector("#panel h2 code")?.textContent === x, {}, id);
    const interactive = Date.now() - start;
    const nodes = await page.$$eval("#canvas g.node", (gs) => gs.length);
    console.log(`run ${i + 1}: loaded and listed in ${loaded} ms, a claim selected at ${interactive} ms (${nodes} nodes drawn)`);
    await page.close();
  }
} finally {
  await browser.close();
}
