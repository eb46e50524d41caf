// argmap's viewer: reads the map's data from the JSON script element and
// makes the diagram explorable. Every string of the map is inserted as text
// (textContent, setAttribute), never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var all = data.claims.concat(data.arguments, data.sources);
  var byId = new Map();
  var byNode = new Map();
  all.forEach(function (item) {
    if (!byId.has(item.id)) byId.set(item.id, item);
    byNode.set(item.node, item);
  });
  var sectionName = new Map(data.sections.map(function (s) { return [s.id, s.name]; }));
  var actorName = new Map(data.actors.map(function (a) { return [a.id, a.name]; }));

  // Who supports and who attacks each id.
  var supporters = new Map();
  var attackers = new Map();
  function add(index, key, value) {
    if (!index.has(key)) index.set(key, []);
    index.get(key).push(value);
  }
  data.claims.forEach(function (c) {
    (c.supports || []).forEach(function (t) { add(supporters, t, c.id); });
    (c.attacks || []).forEach(function (t) { add(attackers, t, c.id); });
  });
  data.arguments.forEach(function (a) {
    (a.supports || []).forEach(function (t) { add(supporters, t, a.id); });
    (a.premises || []).forEach(function (p) { add(supporters, a.id, p); });
  });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  // ---- the diagram -------------------------------------------------------
  var canvas = document.getElementById("canvas");
  var svg = canvas ? canvas.querySelector("svg") : null;
  var nodeOf = new Map(); // item id -> <g>
  var edges = [];
  var view = null;
  var home = null;

  // For a map laid out in parts: each section's SVG, by section id; the
  // overview (node s<i> is section i) is shown first.
  var split = data.split ? new Map(data.split) : null;
  var showing = split ? "overview" : "whole";

  // Makes `el` the diagram: its nodes focusable and labelled, its edges
  // known, its viewBox the home view.
  function install(el, which) {
    svg = el;
    showing = which;
    nodeOf = new Map();
    edges = [];
    svg.removeAttribute("width");
    svg.removeAttribute("height");
    svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
    svg.setAttribute("role", "group");
    svg.setAttribute("aria-label", (which === "overview" ? "Overview of the sections of " : "Diagram of ") + data.title);
    var vb = svg.viewBox.baseVal;
    home = { x: vb.x, y: vb.y, w: vb.width, h: vb.height };
    view = Object.assign({}, home);
    svg.querySelectorAll("g.node").forEach(function (g) {
      var title = g.querySelector("title");
      var name = title ? title.textContent.trim() : "";
      if (which === "overview") {
        var sec = /^s[0-9]+$/.test(name) ? data.sections[Number(name.slice(1))] : null;
        if (!sec || !split.has(sec.id)) return;
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", "open section " + sec.id + ": " + sec.name);
        g.dataset.section = sec.id;
        return;
      }
      var item = byNode.get(name);
      if (!item) return;
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", item.kind + " " + item.id + ": " + item.text);
      g.dataset.id = item.id;
      nodeOf.set(item.id, g);
    });
    if (which === "overview") return;
    svg.querySelectorAll("g.edge").forEach(function (g) {
      var title = g.querySelector("title");
      if (!title) return;
      var ends = title.textContent.split("->");
      if (ends.length !== 2) return;
      var from = byNode.get(ends[0].trim().split(":")[0]);
      var to = byNode.get(ends[1].trim().split(":")[0]);
      if (from && to) edges.push({ g: g, from: from.id, to: to.id });
    });
  }
  var overviewSvg = svg;
  if (svg) install(svg, showing);

  // Shows section `id`'s diagram (a map laid out in parts).
  function openSection(id) {
    if (!split || !split.has(id) || showing === id) return;
    var parsed = new DOMParser().parseFromString(split.get(id), "image/svg+xml").documentElement;
    if (!parsed || parsed.nodeName !== "svg") return;
    var el = document.importNode(parsed, true);
    canvas.replaceChildren(el);
    install(el, id);
    update();
  }
  function openOverview() {
    if (!split || showing === "overview") return;
    canvas.replaceChildren(overviewSvg);
    install(overviewSvg, "overview");
  }

  function show() {
    if (svg && view) svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" "));
  }
  function zoom(factor, cx, cy) {
    if (!view) return;
    var w = view.w / factor;
    var h = view.h / factor;
    if (w > home.w * 20 || w < home.w / 200) return;
    if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
    view.x = cx - (cx - view.x) / factor;
    view.y = cy - (cy - view.y) / factor;
    view.w = w;
    view.h = h;
    show();
  }
  function pan(dx, dy) {
    if (!view) return;
    view.x += dx;
    view.y += dy;
    show();
  }
  function fit() {
    if (!view) return;
    view = Object.assign({}, home);
    show();
  }
  // The diagram's point under a point of the screen.
  function toDiagram(clientX, clientY) {
    var m = svg.getScreenCTM();
    if (!m) return null;
    var p = svg.createSVGPoint();
    p.x = clientX;
    p.y = clientY;
    return p.matrixTransform(m.inverse());
  }
  // Units of the diagram in one screen pixel.
  function unitsPerPixel() {
    var r = svg.getBoundingClientRect();
    return Math.max(view.w / Math.max(r.width, 1), view.h / Math.max(r.height, 1));
  }
  function centreOn(g) {
    if (!view || !g) return;
    var b = g.getBBox();
    var m = g.getCTM();
    var root = svg.getCTM();
    var cx = b.x + b.width / 2;
    var cy = b.y + b.height / 2;
    if (m && root) {
      var p = svg.createSVGPoint();
      p.x = cx;
      p.y = cy;
      p = p.matrixTransform(root.inverse().multiply(m));
      cx = p.x;
      cy = p.y;
    }
    // Close enough to read the node, never farther out than the whole.
    var w = Math.min(home.w, Math.max(b.width * 4, view.w < b.width * 2 ? b.width * 4 : view.w));
    var h = w * (view.h / view.w);
    view = { x: cx - w / 2, y: cy - h / 2, w: w, h: h };
    show();
  }

  if (svg) {
    var stage = document.getElementById("stage");
    stage.addEventListener("wheel", function (e) {
      e.preventDefault();
      var p = toDiagram(e.clientX, e.clientY);
      zoom(e.deltaY < 0 ? 1.2 : 1 / 1.2, p ? p.x : undefined, p ? p.y : undefined);
    }, { passive: false });
    var pointers = new Map();
    var moved = 0;
    var pinch = 0;
    stage.addEventListener("pointerdown", function (e) {
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      moved = 0;
      if (pointers.size === 2) {
        var ps = Array.from(pointers.values());
        pinch = Math.hypot(ps[0].x - ps[1].x, ps[0].y - ps[1].y);
      }
    });
    stage.addEventListener("pointermove", function (e) {
      var last = pointers.get(e.pointerId);
      if (!last) return;
      var now = { x: e.clientX, y: e.clientY };
      if (pointers.size === 1) {
        var k = unitsPerPixel();
        moved += Math.abs(now.x - last.x) + Math.abs(now.y - last.y);
        if (moved > 3) {
          stage.classList.add("dragging");
          pan((last.x - now.x) * k, (last.y - now.y) * k);
        }
      }
      pointers.set(e.pointerId, now);
      if (pointers.size === 2) {
        var ps = Array.from(pointers.values());
        var d = Math.hypot(ps[0].x - ps[1].x, ps[0].y - ps[1].y);
        if (pinch > 0 && d > 0) {
          var c = toDiagram((ps[0].x + ps[1].x) / 2, (ps[0].y + ps[1].y) / 2);
          zoom(d / pinch, c ? c.x : undefined, c ? c.y : undefined);
        }
        pinch = d;
        moved = 100;
      }
    });
    function release(e) {
      pointers.delete(e.pointerId);
      if (pointers.size === 0) stage.classList.remove("dragging");
    }
    stage.addEventListener("pointerup", release);
    stage.addEventListener("pointercancel", release);
    var activate = function (g) {
      if (g.dataset.section) {
        openSection(g.dataset.section);
        var first = svg.querySelector("g.node[data-id]");
        if (first) first.focus();
      } else if (g.dataset.id) {
        select(g.dataset.id, true, false);
      }
    };
    canvas.addEventListener("click", function (e) {
      if (moved > 3) return;
      var g = e.target.closest ? e.target.closest("g.node") : null;
      if (g) activate(g);
    });
    canvas.addEventListener("keydown", function (e) {
      var g = e.target.closest ? e.target.closest("g.node") : null;
      if (g && (e.key === "Enter" || e.key === " ")) {
        e.preventDefault();
        activate(g);
      }
    });
    var back = document.getElementById("overview");
    if (back) back.addEventListener("click", openOverview);
    document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.25); });
    document.getElementById("zoom-out").addEventListener("click", function () { zoom(1 / 1.25); });
    document.getElementById("fit").addEventListener("click", fit);
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var step = view ? view.w / 10 : 0;
      var done = true;
      switch (e.key) {
        case "+": case "=": zoom(1.25); break;
        case "-": case "_": zoom(1 / 1.25); break;
        case "0": fit(); break;
        case "ArrowLeft": pan(-step, 0); break;
        case "ArrowRight": pan(step, 0); break;
        case "ArrowUp": pan(0, -step); break;
        case "ArrowDown": pan(0, step); break;
        default: done = false;
      }
      if (done) e.preventDefault();
    });
  } else {
    ["zoom-in", "zoom-out", "fit"].forEach(function (id) {
      document.getElementById(id).disabled = true;
    });
  }

  // ---- selection and the details panel ----------------------------------
  var panel = document.getElementById("panel");
  var selected = null;

  // The support tree below `id`: everything that supports it, step by step.
  function supportTree(id) {
    var seen = new Set([id]);
    var queue = [id];
    while (queue.length) {
      var next = queue.shift();
      (supporters.get(next) || []).forEach(function (s) {
        if (!seen.has(s)) { seen.add(s); queue.push(s); }
      });
    }
    seen.delete(id);
    return seen;
  }
  // What attacks `id`, or an argument for it.
  function attacksOn(id) {
    var out = new Set(attackers.get(id) || []);
    data.arguments.forEach(function (a) {
      if ((a.supports || []).indexOf(id) >= 0) {
        (attackers.get(a.id) || []).forEach(function (x) { out.add(x); });
      }
    });
    return out;
  }

  function clearMarks() {
    if (!svg) return;
    svg.querySelectorAll(".selected, .support, .attacker").forEach(function (g) {
      g.classList.remove("selected", "support", "attacker");
    });
  }

  function section(title, nodes) {
    var s = el("section");
    s.appendChild(el("h3", title));
    nodes.forEach(function (n) { s.appendChild(n); });
    return s;
  }
  function linkTo(id) {
    var item = byId.get(id);
    var b = el("button", item ? id : id + " (not in the map)", "ref");
    b.type = "button";
    if (item) {
      b.setAttribute("aria-label", item.kind + " " + id + ": " + item.text);
      b.addEventListener("click", function () { select(id, true, true); });
    } else {
      b.disabled = true;
    }
    return b;
  }
  function listOf(ids) {
    var ul = el("ul", null, "refs");
    ids.forEach(function (id) {
      var li = el("li");
      li.appendChild(linkTo(id));
      var item = byId.get(id);
      if (item) li.appendChild(el("span", " " + item.text));
      ul.appendChild(li);
    });
    return ul;
  }
  function facts(pairs) {
    var dl = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === "") return;
      dl.appendChild(el("dt", p[0]));
      dl.appendChild(el("dd", p[1]));
    });
    return dl;
  }

  function renderPanel(item, tree, against) {
    panel.replaceChildren();
    var h = el("h2");
    h.appendChild(el("span", item.kind + " ", "kind"));
    h.appendChild(el("code", item.id));
    panel.appendChild(h);
    panel.appendChild(el("p", item.text, "text"));
    if (svg && showing !== "overview" && !nodeOf.has(item.id)) {
      panel.appendChild(el("p", "Not drawn in this diagram.", "note"));
    }
    panel.appendChild(facts([
      ["Section", item.section ? (sectionName.get(item.section) || item.section) : ""],
      ["Held by", (item.by || []).map(function (a) { return actorName.get(a) || a; }).join(", ")],
      ["Tags", (item.tags || []).map(function (t) { return "#" + t; }).join(" ")],
      ["Status", item.status ? item.status + (data.semantics === "evidence" ? " (argmap eval --semantics evidence)" : " (argmap eval)") : ""],
      ["Anchor", item.anchor || ""],
      ["Entry", item.entry || ""]
    ]));
    if (item.kind === "claim") {
      if (item.cites && item.cites.length) {
        var ul = el("ul", null, "cites");
        item.cites.forEach(function (c) {
          var li = el("li");
          li.appendChild(el("strong", c.label + (c.at ? ", " + c.at : "")));
          if (c.quote) li.appendChild(el("blockquote", c.quote));
          ul.appendChild(li);
        });
        panel.appendChild(section("Citations", [ul]));
      } else {
        panel.appendChild(section("Citations", [el("p", "no citation", "uncited")]));
      }
    }
    if (item.kind === "source") {
      var citing = data.claims.filter(function (c) {
        return (c.cites || []).some(function (x) { return x.source === item.id; });
      }).map(function (c) { return c.id; });
      if (citing.length) panel.appendChild(section("Cited by", [listOf(citing)]));
    }
    if (item.premises && item.premises.length) panel.appendChild(section("Premises", [listOf(item.premises)]));
    if (item.supports && item.supports.length) panel.appendChild(section(item.kind === "argument" ? "Conclusion" : "Supports", [listOf(item.supports)]));
    if (item.attacks && item.attacks.length) panel.appendChild(section("Attacks", [listOf(item.attacks)]));
    if (item.qualifies && item.qualifies.length) panel.appendChild(section("Qualifies", [listOf(item.qualifies)]));
    if (tree.size) panel.appendChild(section("Support tree", [listOf(Array.from(tree))]));
    if (against.size) panel.appendChild(section("Attacked by", [listOf(Array.from(against))]));
    var findings = item.findings || [];
    var fl = el("ul", null, "findings");
    findings.forEach(function (f) {
      var li = el("li", null, f.level);
      li.appendChild(el("strong", f.level + "[" + f.code + "]"));
      li.appendChild(el("span", " " + f.message));
      fl.appendChild(li);
    });
    panel.appendChild(section("Findings of argmap check", findings.length ? [fl] : [el("p", "none")]));
  }

  function select(id, push, centre) {
    var item = byId.get(id);
    if (!item) return false;
    if (split && item.section && split.has(item.section)) openSection(item.section);
    selected = id;
    clearMarks();
    var tree = supportTree(id);
    var against = attacksOn(id);
    if (svg) {
      tree.forEach(function (s) { var g = nodeOf.get(s); if (g) g.classList.add("support"); });
      against.forEach(function (s) { var g = nodeOf.get(s); if (g) g.classList.add("attacker"); });
      edges.forEach(function (e) {
        if (e.to === id || tree.has(e.to)) {
          if (tree.has(e.from)) e.g.classList.add("support");
          if (against.has(e.from)) e.g.classList.add("attacker");
        } else if (against.has(e.from) && e.to === id) {
          e.g.classList.add("attacker");
        }
      });
      var g = nodeOf.get(id);
      if (g) {
        g.classList.add("selected");
        if (centre) centreOn(g);
      }
    }
    renderPanel(item, tree, against);
    document.querySelectorAll("#results .current").forEach(function (b) { b.classList.remove("current"); });
    var row = document.querySelector('#results button[data-id="' + CSS.escape(id) + '"]');
    if (row) row.classList.add("current");
    if (push && location.hash !== "#" + encodeURIComponent(id)) {
      // A viewer embedded in a frame (the report's) has no address of its
      // own to change: its history is the page's.
      try {
        history.pushState({ id: id }, "", "#" + encodeURIComponent(id));
      } catch (e) { /* about:srcdoc */ }
    }
    document.title = item.id + " · " + data.title;
    return true;
  }

  function fromHash() {
    var id = "";
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { id = ""; }
    if (id && select(id, false, true)) return;
    selected = null;
    clearMarks();
    document.title = data.title;
  }
  window.addEventListener("popstate", fromHash);
  window.addEventListener("hashchange", fromHash);

  // ---- search and filters -----------------------------------------------
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  var count = document.getElementById("count");
  var controls = document.getElementById("filter-controls");
  var filters = {};

  function addFilter(key, label, options) {
    var wrap = el("label", label + " ");
    var s = el("select");
    s.id = "filter-" + key;
    var any = el("option", "any");
    any.value = "";
    s.appendChild(any);
    options.forEach(function (o) {
      var opt = el("option", o[1]);
      opt.value = o[0];
      s.appendChild(opt);
    });
    s.addEventListener("change", function () { filters[key] = s.value; update(); });
    wrap.appendChild(s);
    controls.appendChild(wrap);
  }
  if (data.sections.length) addFilter("section", "Section", data.sections.map(function (s) { return [s.id, s.name]; }));
  if (data.actors.length) addFilter("actor", "Held by", data.actors.map(function (a) { return [a.id, a.name]; }));
  if (data.tags.length) addFilter("tag", "Tag", data.tags.map(function (t) { return [t, "#" + t]; }));
  addFilter("status", "Status", [["accepted", "accepted"], ["rejected", "rejected"], ["undecided", "undecided"]]);
  addFilter("cited", "Citations", [["cited", "cited"], ["uncited", "uncited"]]);

  // Whether the filters keep a claim or an argument: section and status
  // apply to both; holders, tags and citations are claims' only, so an
  // argument passes none of those filters.
  function passes(c) {
    if (filters.section && c.section !== filters.section) return false;
    if (filters.status && c.status !== filters.status) return false;
    if (c.kind !== "claim") return !(filters.actor || filters.tag || filters.cited);
    if (filters.actor && (c.by || []).indexOf(filters.actor) < 0) return false;
    if (filters.tag && (c.tags || []).indexOf(filters.tag) < 0) return false;
    var cited = (c.cites || []).length > 0;
    if (filters.cited === "cited" && !cited) return false;
    if (filters.cited === "uncited" && cited) return false;
    return true;
  }
  function matches(item, words) {
    if (!words.length) return true;
    var hay = (item.id + " " + item.text).toLowerCase();
    return words.every(function (w) { return hay.indexOf(w) >= 0; });
  }

  // The list grows by PAGE rows at a time: a long list costs the page
  // nothing until it is asked for.
  var PAGE = 300;
  var shown = PAGE;
  var asked = "";
  var reasoned = data.claims.concat(data.arguments);
  function update() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var filtering = Object.keys(filters).some(function (k) { return filters[k]; });
    var question = JSON.stringify([words, filters]);
    if (question !== asked) { asked = question; shown = PAGE; }
    var kept = filtering ? reasoned.filter(passes) : all;
    var keptIds = new Set(kept.map(function (c) { return c.id; }));
    var found = kept.filter(function (c) { return matches(c, words); });
    results.replaceChildren();
    found.slice(0, shown).forEach(function (item) {
      var li = el("li");
      var b = el("button", null, item.status ? "status-" + item.status : "");
      b.type = "button";
      b.dataset.id = item.id;
      if (item.id === selected) b.classList.add("current");
      b.appendChild(el("code", item.id));
      b.appendChild(el("span", item.text));
      b.addEventListener("click", function () { select(item.id, true, true); });
      li.appendChild(b);
      results.appendChild(li);
    });
    var total = filtering ? reasoned.length : all.length;
    var text = found.length + " of " + total + (filtering ? " claims and arguments" : " items");
    if (found.length > shown) {
      text += " (the first " + shown + " listed)";
      var li = el("li");
      var more = el("button", "List " + Math.min(PAGE, found.length - shown) + " more", "more");
      more.type = "button";
      more.id = "more";
      more.addEventListener("click", function () {
        shown += PAGE;
        update();
        var next = results.querySelectorAll("button[data-id]")[shown - PAGE];
        if (next) next.focus();
      });
      li.appendChild(more);
      results.appendChild(li);
    }
    count.textContent = text;
    if (svg) {
      reasoned.forEach(function (c) {
        var g = nodeOf.get(c.id);
        if (g) g.classList.toggle("dimmed", filtering && !keptIds.has(c.id));
      });
    }
  }
  search.addEventListener("input", update);
  document.getElementById("find").addEventListener("submit", function (e) {
    e.preventDefault();
    var first = results.querySelector("button");
    if (first) select(first.dataset.id, true, true);
  });

  update();
  if (location.hash.length > 1) fromHash();
})();
