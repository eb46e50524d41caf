// Drives headless Chromium over a viewer argmap wrote; run by tests/viewer.rs:
//   node viewer.mjs interact FILE.html   select, search, filter, deep links
//   node viewer.mjs hostile FILE.html    a hostile map runs no script
//   node viewer.mjs split FILE.html      a map laid out in parts: the
//                                        overview, sections opened on demand
//   node viewer.mjs filtered FILE.html   a diagram of some claims (--actor):
//                                        the others are said not drawn
//   node viewer.mjs report FILE.html     the viewer in the report's frame
// Prints one line per check ("ok ..." or "FAIL ..."), and exits 1 when a
// check failed. CHROMIUM names the browser (default /usr/bin/chromium).
import puppeteer from "puppeteer-core";
import { pathToFileURL } from "node:url";

const [mode, file] = process.argv.slice(2);
const url = pathToFileURL(file).href;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    console.log(`ok ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}: ${detail === undefined ? "" : JSON.stringify(detail)}`);
  }
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const errors = [];
const dialogs = [];
const requests = [];
const page = await browser.newPage();
await page.setViewport({ width: 1400, height: 900 });
page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));
page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
page.on("request", (r) => { if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url()); });

// The document the viewer runs in: the page, or the report's frame.
let doc = page;
async function open(hash) {
  await page.goto(url + (hash ? "#" + encodeURIComponent(hash) : ""), { waitUntil: "load" });
  if (mode === "report") {
    const frame = await (await page.waitForSelector("iframe.viewer")).contentFrame();
    doc = frame;
  }
  await doc.waitForSelector("#results li");
}
const data = async () => doc.evaluate(() => JSON.parse(document.getElementById("argmap-data").textContent));
const panelId = async () => doc.$eval("#panel h2 code", (e) => e.textContent).catch(() => null);
const panelText = async () => doc.$eval("#panel", (e) => e.textContent);

try {
  await open();
  const d = await data();
  if (mode === "interact") {
    // Every node of the diagram is reachable by keyboard, with a label.
    const nodes = await page.$$eval("#canvas g.node", (gs) =>
      gs.map((g) => ({ tab: g.getAttribute("tabindex"), label: g.getAttribute("aria-label"), id: g.dataset.id })));
    check("the diagram has a node per claim", nodes.filter((n) => n.id).length >= d.claims.length, nodes.length);
    check("every node of the map is focusable and labelled",
      nodes.filter((n) => n.id).every((n) => n.tab === "0" && n.label && n.label.length > 3), nodes.filter((n) => !n.label).slice(0, 3));

    // Click: a claim with a quoted citation.
    const quoted = d.claims.find((c) => (c.cites || []).some((x) => x.quote))
      || d.claims.find((c) => (c.cites || []).some((x) => x.at)) || d.claims[0];
    const g = await page.$(`#canvas g.node[data-id="${quoted.id}"]`);
    await page.click("#fit");
    await g.click();
    check("a click selects the claim", (await panelId()) === quoted.id, await panelId());
    const text = await panelText();
    const cite = (quoted.cites || []).find((x) => x.quote || x.at) || { label: "no citation" };
    check("the panel shows the text, the citation, its locator and quote",
      text.includes(quoted.text) && text.includes(cite.label) && (!cite.at || text.includes(cite.at))
        && (!cite.quote || text.includes(cite.quote)), text.slice(0, 300));
    if (quoted.section) {
      const name = d.sections.find((s) => s.id === quoted.section).name;
      check("the panel shows the section", text.includes(name), name);
    }
    check("the panel shows the status from eval", !quoted.status || text.includes(quoted.status), quoted.status);
    check("the click set the address", (await page.evaluate(() => location.hash)) === "#" + encodeURIComponent(quoted.id));
    check("the selected node is marked", await page.$eval(`#canvas g.node[data-id="${quoted.id}"]`, (e) => e.classList.contains("selected")));

    // Keyboard: focus a node, Tab to the next, Enter selects it.
    const first = d.claims[0].id;
    await page.$eval(`#canvas g.node[data-id="${first}"]`, (g) => g.focus());
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : null);
    check("Tab moves from node to node", focused && focused !== first, focused);
    await page.keyboard.press("Enter");
    check("Enter selects the focused node", (await panelId()) === focused, await panelId());

    // The support tree and attackers of the thesis are highlighted.
    if (d.thesis) {
      await page.$eval(`#canvas g.node[data-id="${d.thesis}"]`, (g) => g.focus());
      await page.keyboard.press("Enter");
      const marks = await page.evaluate(() => ({
        support: document.querySelectorAll("#canvas g.node.support").length,
        attacker: document.querySelectorAll("#canvas g.node.attacker").length,
      }));
      const direct = d.claims.filter((c) => (c.supports || []).includes(d.thesis)).length;
      const attackers = d.claims.filter((c) => (c.attacks || []).includes(d.thesis)).length;
      check("the thesis's support tree is highlighted", marks.support >= direct && (direct === 0 || marks.support > 0), marks);
      check("what attacks the thesis is highlighted", marks.attacker >= attackers, marks);
    }

    // Zoom and fit by keyboard.
    await page.$eval("#canvas g.node", (g) => g.focus());
    const before = await page.$eval("#canvas svg", (s) => s.getAttribute("viewBox"));
    await page.keyboard.press("+");
    const zoomed = await page.$eval("#canvas svg", (s) => s.getAttribute("viewBox"));
    await page.keyboard.press("0");
    const fitted = await page.$eval("#canvas svg", (s) => s.getAttribute("viewBox"));
    check("+ zooms in and 0 fits", zoomed !== fitted && Number(zoomed.split(" ")[2]) < Number(fitted.split(" ")[2]), [before, zoomed, fitted]);

    // Search by words, then by id; Enter selects the first result.
    const target = d.claims[Math.floor(d.claims.length / 2)];
    const words = target.text.split(/\s+/).filter((w) => w.length > 4).slice(0, 3).join(" ");
    await page.type("#search", words);
    const found = await page.$$eval("#results button[data-id]", (bs) => bs.map((b) => b.dataset.id));
    check("search by words finds the claim", found.includes(target.id), { words, found: found.slice(0, 5) });
    check("search by words keeps only matches", found.length < d.claims.length + d.arguments.length + d.sources.length, found.length);
    await page.click("#search", { clickCount: 3 });
    await page.keyboard.press("Backspace");
    await page.type("#search", target.id);
    await page.keyboard.press("Enter");
    check("search by id and Enter selects it", (await panelId()) === target.id, await panelId());
    await page.click("#search", { clickCount: 3 });
    await page.keyboard.press("Backspace");

    // Filter by section, then cited/uncited.
    if (d.sections.length) {
      const sec = d.sections[1] || d.sections[0];
      await page.select("#filter-section", sec.id);
      const listed = await page.$$eval("#results button[data-id]", (bs) => bs.map((b) => b.dataset.id));
      const expected = d.claims.concat(d.arguments).filter((c) => c.section === sec.id).map((c) => c.id);
      check("the section filter lists its claims and arguments", JSON.stringify(listed) === JSON.stringify(expected.slice(0, 300)), { listed: listed.length, expected: expected.length });
      const dimmed = await page.$$eval("#canvas g.node.dimmed", (gs) => gs.map((g) => g.dataset.id));
      check("the section filter fades the others in the diagram", dimmed.length > 0 && dimmed.every((id) => !expected.includes(id)), dimmed.length);
      await page.select("#filter-section", "");
    }
    await page.select("#filter-cited", "uncited");
    const uncited = await page.$$eval("#results button[data-id]", (bs) => bs.map((b) => b.dataset.id));
    const expectedUncited = d.claims.filter((c) => !(c.cites || []).length).map((c) => c.id);
    check("the uncited filter lists the claims without citation", JSON.stringify(uncited) === JSON.stringify(expectedUncited), { uncited, expectedUncited });
    await page.select("#filter-cited", "");
    const status = d.claims.find((c) => c.status).status;
    await page.select("#filter-status", status);
    const byStatus = await page.$$eval("#results button[data-id]", (bs) => bs.map((b) => b.dataset.id));
    check(`the status filter lists the ${status} claims and arguments`, byStatus.length === d.claims.concat(d.arguments).filter((c) => c.status === status).length, byStatus.length);
    await page.select("#filter-status", "");

    // WCAG AA: the page's own text contrasts 4.5:1 with its background.
    const low = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[0-9.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (e) => {
        for (; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out = [];
      document.querySelectorAll("header *, nav *, aside *, #no-diagram").forEach((e) => {
        if (![...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) return;
        const a = lum(rgb(getComputedStyle(e).color));
        const b = lum(background(e));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) out.push(`${e.tagName}.${e.className}: ${ratio.toFixed(2)}`);
      });
      return out;
    });
    check("the page's text meets WCAG AA contrast (4.5:1)", low.length === 0, low.slice(0, 5));

    // Deep link, then history.
    const deep = d.claims[d.claims.length - 1];
    await open(deep.id);
    check("a deep link selects its claim", (await panelId()) === deep.id, await panelId());
    await page.$eval(`#results button[data-id="${d.claims[0].id}"]`, (b) => b.click());
    check("a click in the list selects", (await panelId()) === d.claims[0].id);
    await page.goBack();
    await page.waitForFunction((id) => document.querySelector("#panel h2 code")?.textContent === id, { timeout: 3000 }, deep.id).catch(() => {});
    check("Back returns to the claim before", (await panelId()) === deep.id, await panelId());
  }

  if (mode === "split") {
    const sections = await page.$$eval("#canvas g.node[data-section]", (gs) => gs.map((g) => g.dataset.section));
    check("the page opens on the overview of the sections", sections.length === d.sections.length && d.split.length === d.sections.length, sections);
    const last = d.claims[d.claims.length - 1];
    await open(last.id);
    const shown = await page.$$eval("#canvas g.node[data-id]", (gs) => gs.map((g) => g.dataset.id));
    check("a deep link opens its claim's section and selects it",
      (await panelId()) === last.id && shown.includes(last.id)
        && await page.$eval(`#canvas g.node[data-id="${last.id}"]`, (g) => g.classList.contains("selected")), shown.length);
    check("a section draws its own claims, not the whole map", shown.length < d.claims.length, shown.length);
    await page.click("#overview");
    const first = d.sections[0].id;
    await page.$eval(`#canvas g.node[data-section="${first}"]`, (g) => g.focus());
    await page.keyboard.press("Enter");
    const opened = await page.$$eval("#canvas g.node[data-id]", (gs) => gs.map((g) => g.dataset.id));
    const own = d.claims.filter((c) => c.section === first).map((c) => c.id);
    check("Enter on a section of the overview opens it", own.every((id) => opened.includes(id)), { opened: opened.length, own: own.length });
    const focused = await page.evaluate(() => document.activeElement?.dataset?.id);
    check("the keyboard focus moves into the section", own.includes(focused) || opened.includes(focused), focused);

    // The list shows 300 rows, and more on demand.
    const rows = async () => page.$$eval("#results button[data-id]", (bs) => bs.length);
    const total = d.claims.length + d.arguments.length + d.sources.length;
    check("the list starts with 300 rows", (await rows()) === 300, await rows());
    await page.click("#more");
    check("List more adds 300 rows", (await rows()) === Math.min(600, total), await rows());
    check("the count says how many are listed", (await page.$eval("#count", (e) => e.textContent)).includes(`of ${total} items`),
      await page.$eval("#count", (e) => e.textContent));
  }

  if (mode === "filtered") {
    const drawn = await page.$$eval("#canvas g.node[data-id]", (gs) => gs.map((g) => g.dataset.id));
    const left = d.claims.find((c) => !drawn.includes(c.id));
    check("the diagram draws some of the claims", drawn.length > 0 && left !== undefined, drawn);
    await open(drawn[0]);
    check("a drawn claim's panel says nothing of it", !(await panelText()).includes("Not drawn"), await panelText());
    await open(left.id);
    check("a claim left out of the diagram is still in the panel, said not drawn",
      (await panelId()) === left.id && (await panelText()).includes("Not drawn in this diagram"), await panelText());
  }

  if (mode === "report") {
    check("the report shows the viewer in a frame", doc !== page, doc === page);
    const nodes = await doc.$$eval("#canvas g.node[data-id]", (gs) => gs.map((g) => g.dataset.id));
    check("the frame draws the map", nodes.length >= d.claims.length, nodes.length);
    const claim = d.claims.find((c) => (c.cites || []).length) || d.claims[0];
    await (await doc.$(`#canvas g.node[data-id="${claim.id}"]`)).click();
    check("a click in the frame selects the claim", (await panelId()) === claim.id, await panelId());
    check("the frame's panel shows its text", (await panelText()).includes(claim.text));
    await doc.$eval(`#canvas g.node[data-id="${d.claims[0].id}"]`, (g) => g.focus());
    await page.keyboard.press("Enter");
    check("Enter in the frame selects the focused node", (await panelId()) === d.claims[0].id, await panelId());
    check("the report's own address is unchanged", (await page.evaluate(() => location.hash)) === "");
    check("the report's page runs no script of its own", (await page.$$eval("script", (ss) => ss.length)) === 0);
    check("the frame runs only the viewer's two scripts", (await doc.$$eval("script", (ss) => ss.length)) === 2);
    const pwned = [await page.evaluate(() => window.__pwned), await doc.evaluate(() => window.__pwned)];
    check("no script of the map ran in the report or its frame", pwned.every((p) => p === undefined), pwned);
    check("no dialog opened", dialogs.length === 0, dialogs);
  }

  if (mode === "hostile") {
    const claim = d.claims[0];
    await page.$eval(`#canvas g.node[data-id="${CSS_escape(claim.id)}"]`, (g) => g.focus()).catch(() => {});
    for (const item of d.claims.concat(d.arguments, d.sources)) {
      await page.evaluate((id) => { location.hash = encodeURIComponent(id); }, item.id);
      await page.waitForFunction((id) => document.querySelector("#panel h2 code")?.textContent === id, { timeout: 3000 }, item.id).catch(() => {});
      const shown = await panelText();
      check(`the panel of ${item.kind} ${JSON.stringify(item.id)} shows its text as text`, (await panelId()) === item.id && shown.includes(item.text), shown.slice(0, 200));
    }
    await page.type("#search", "<script>");
    for (const sel of await page.$$eval("#filter-controls select", (ss) => ss.map((s) => s.id))) {
      const values = await page.$$eval(`#${sel} option`, (os) => os.map((o) => o.value));
      for (const v of values) await page.select(`#${sel}`, v);
    }
    for (const g of await page.$$("#canvas g.node")) {
      await g.hover().catch(() => {});
      await g.click().catch(() => {});
    }
    check("the title is the map's, as text", (await page.title()).length > 0);
    const scripts = await page.$$eval("script", (ss) => ss.length);
    check("the page has only its own two scripts", scripts === 2, scripts);
    const foreign = await page.$$eval("img, iframe, object, embed, style:not(head style), a[href]", (es) => es.map((e) => e.outerHTML.slice(0, 80)));
    check("no element from the map's text", foreign.length === 0, foreign);
    const pwned = await page.evaluate(() => window.__pwned);
    check("no script of the map ran (window.__pwned unset)", pwned === undefined, pwned);
    check("no dialog opened", dialogs.length === 0, dialogs);
  }
  check("no request leaves the file", requests.length === 0, requests);
  check("no console error", errors.length === 0, errors);
} catch (e) {
  check("the run", false, String(e && e.stack || e));
} finally {
  await browser.close();
}
function CSS_escape(s) { return s.replace(/["\\]/g, "\\$&"); }
process.exit(failed ? 1 : 0);
