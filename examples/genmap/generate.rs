//! A generator of realistic synthetic argument maps, deterministic from a
//! seed: `N` claims in sections (about `N/50`), sources (about `N/20`) with
//! `cited-as`, citations with locators and with quotes taken verbatim from
//! generated source texts, anchors quoting the analysed document, convergent
//! and linked support, rebuttals, undercuts, answers and actors.
//!
//! Shared by `examples/genmap` (the command), `benches/` and `tests/split.rs`
//! through `#[path]`. Support only ever points from a later claim to an
//! earlier one, so the maps have no support cycles; every reference
//! resolves, every claim is cited and every source is cited, so `argmap
//! check` finds no error. Warnings are expected: unanswered counterpoints and
//! undercuts, and the odd attack cycle (which leaves claims undecided).

// Test data, not library code: indices are computed from the lengths they
// index, and a panic here is a bug in the generator, not bad input.
#![allow(dead_code, clippy::indexing_slicing)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Spec {
    /// Number of claims (at least 1).
    pub claims: usize,
    /// Seed of the pseudo-random generator.
    pub seed: u64,
}

/// A generated map: the TOML and the texts it names, relative to its folder.
#[derive(Debug)]
pub struct Generated {
    /// The map file's contents.
    pub toml: String,
    /// `(path relative to the map, contents)` of every source text.
    pub texts: Vec<(String, String)>,
    /// What is in it.
    pub stats: Stats,
}

/// Counts of what a generated map holds.
#[derive(Clone, Copy, Debug, Default)]
pub struct Stats {
    /// Claims.
    pub claims: usize,
    /// Sections.
    pub sections: usize,
    /// Sources.
    pub sources: usize,
    /// Sources with a text.
    pub texts: usize,
    /// Linked arguments.
    pub arguments: usize,
    /// Citations.
    pub citations: usize,
    /// Quotes (citation quotes and anchor quotes).
    pub quotes: usize,
    /// `supports` entries and argument conclusions.
    pub supports: usize,
    /// Rebuttals and underminings (claim attacks claim), answers included.
    pub attacks: usize,
    /// Undercuts (claim attacks argument).
    pub undercuts: usize,
}

/// splitmix64: tiny, fast, and good enough for test data.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A random element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl", "dr",
    "fr", "gr", "pl", "pr", "st", "tr", "sh", "ch", "th",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
const CODAS: &[&str] = &[
    "", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ct", "rk",
];
const KINDS: &[&str] = &[
    "book", "chapter", "article", "news", "report", "web", "speech", "law", "dataset",
];

/// A vocabulary of pseudo-words, drawn with a skewed (Zipf-like) frequency
/// so that texts have common and rare words, as real texts do.
struct Vocabulary {
    words: Vec<String>,
}

impl Vocabulary {
    fn new(rng: &mut Rng, size: usize) -> Self {
        let mut seen = std::collections::HashSet::new();
        let mut words = Vec::with_capacity(size);
        // Short function words first: they are the most frequent.
        for w in [
            "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "as", "with", "on",
            "by", "this", "be", "are", "not", "or", "from",
        ] {
            seen.insert(w.to_owned());
            words.push(w.to_owned());
        }
        while words.len() < size {
            let syllables = 1 + rng.below(3) + usize::from(words.len() > size / 3);
            let mut w = String::new();
            for _ in 0..syllables {
                w.push_str(rng.pick(ONSETS).copied().unwrap_or("t"));
                w.push_str(rng.pick(VOWELS).copied().unwrap_or("a"));
            }
            w.push_str(rng.pick(CODAS).copied().unwrap_or(""));
            if seen.insert(w.clone()) {
                words.push(w);
            }
        }
        Vocabulary { words }
    }

    /// A word, frequent words far more often than rare ones.
    fn word(&self, rng: &mut Rng) -> &str {
        let u = rng.unit();
        let i = (self.words.len() as f64 * u * u * u) as usize;
        self.words.get(i).map_or("the", String::as_str)
    }

    /// A word from the rarer part of the vocabulary, for names and titles.
    fn rare(&self, rng: &mut Rng) -> &str {
        let lo = self.words.len() / 4;
        let i = lo + rng.below(self.words.len() - lo);
        self.words.get(i).map_or("name", String::as_str)
    }

    /// A sentence of `lo..=hi` words, capitalised, without final stop.
    fn phrase(&self, rng: &mut Rng, lo: usize, hi: usize) -> String {
        let n = rng.range(lo, hi);
        let mut s = String::new();
        for k in 0..n {
            if k > 0 {
                s.push(' ');
            }
            let w = self.word(rng);
            if k == 0 {
                s.push_str(&capitalise(w));
            } else {
                s.push_str(w);
            }
        }
        s
    }
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

/// A generated plain text and the byte range of each of its words, so that
/// quotes can be cut from it verbatim.
struct Text {
    body: String,
    words: Vec<(usize, usize)>,
}

impl Text {
    /// About `n` words of prose in paragraphs, lines wrapped at 72 columns,
    /// with the odd curly apostrophe and em dash, as real texts have.
    fn new(vocab: &Vocabulary, rng: &mut Rng, n: usize) -> Self {
        let mut body = String::with_capacity(n * 8);
        let mut words = Vec::with_capacity(n + 16);
        let mut col = 0;
        let mut line_start = true;
        let mut sentence_left = 0;
        let mut paragraph_left = rng.range(4, 9);
        while words.len() < n {
            let start_sentence = sentence_left == 0;
            if start_sentence {
                sentence_left = rng.range(8, 24);
            }
            let w = vocab.word(rng);
            let mut token = if start_sentence {
                capitalise(w)
            } else {
                w.to_owned()
            };
            if rng.chance(0.02) {
                token.push_str("\u{2019}s");
            }
            sentence_left -= 1;
            if sentence_left == 0 {
                token.push('.');
            } else if rng.chance(0.06) {
                token.push(',');
            }
            if !start_sentence && sentence_left > 2 && rng.chance(0.01) {
                token.insert_str(0, "\u{2014} ");
            }
            let width = token.chars().count();
            if !line_start {
                if col + 1 + width > 72 {
                    body.push('\n');
                    col = 0;
                } else {
                    body.push(' ');
                    col += 1;
                }
            }
            line_start = false;
            // A leading dash is not part of the word.
            let skip = if token.starts_with('\u{2014}') {
                "\u{2014} ".len()
            } else {
                0
            };
            let start = body.len() + skip;
            body.push_str(&token);
            col += width;
            words.push((start, body.len()));
            if sentence_left == 0 {
                paragraph_left -= 1;
                if paragraph_left == 0 {
                    body.push_str("\n\n");
                    col = 0;
                    line_start = true;
                    paragraph_left = rng.range(4, 9);
                }
            }
        }
        body.push('\n');
        Text { body, words }
    }

    /// A quote of `lo..=hi` consecutive words, verbatim except that line
    /// breaks are written as spaces (quoting folds whitespace anyway).
    fn quote(&self, rng: &mut Rng, lo: usize, hi: usize) -> Option<String> {
        let len = rng.range(lo, hi).min(self.words.len());
        let first = rng.below(self.words.len().checked_sub(len)? + 1);
        let (start, _) = *self.words.get(first)?;
        let (_, end) = *self.words.get(first + len - 1)?;
        let raw = self.body.get(start..end)?;
        Some(raw.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// A locator in this text: the paragraph of a word.
    fn paragraphs(&self) -> usize {
        self.body.matches("\n\n").count() + 1
    }
}

/// A TOML basic string.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What a claim does.
#[derive(Clone, Debug, Default)]
struct ClaimPlan {
    section: usize,
    supports: Vec<usize>,
    attacks: Vec<usize>,
    undercuts: Vec<usize>,
    /// Claims that anything may support or attack (not counterpoints or
    /// answers).
    positive: bool,
}

#[derive(Clone, Debug)]
struct ArgumentPlan {
    premises: Vec<usize>,
    conclusion: usize,
    section: usize,
    own_section: bool,
}

struct SourcePlan {
    family: Vec<String>,
    given: Vec<String>,
    year: usize,
    text: Option<Text>,
}

/// Generates the map of `spec`.
pub fn generate(spec: Spec) -> Generated {
    let n = spec.claims.max(1);
    let mut rng = Rng::new(spec.seed);
    let vocab = Vocabulary::new(&mut rng, 4000);
    let sections = (n / 50).max(1);
    let sources = (n / 20).max(2);
    let actors = (n / 500).max(2);

    // Section sizes: random weights, each section at least one claim.
    let weights: Vec<f64> = (0..sections).map(|_| 0.5 + rng.unit()).collect();
    let total: f64 = weights.iter().sum();
    let mut bounds = Vec::with_capacity(sections + 1);
    bounds.push(0usize);
    let mut acc = 0.0;
    for (k, w) in weights.iter().enumerate() {
        acc += w;
        let end = if k + 1 == sections {
            n
        } else {
            ((acc / total) * n as f64) as usize
        };
        let prev = bounds.last().copied().unwrap_or(0);
        let left = sections - k - 1; // sections still to come need a claim each
        bounds.push(end.max(prev + 1).min(n - left));
    }

    // The structure.
    let mut claims: Vec<ClaimPlan> = vec![ClaimPlan::default(); n];
    let mut arguments: Vec<ArgumentPlan> = Vec::new();
    let mut positives_all: Vec<usize> = Vec::new();
    let mut heads: Vec<usize> = Vec::new();
    for s in 0..sections {
        let (lo, hi) = (bounds[s], bounds[s + 1]);
        let head = lo;
        heads.push(head);
        if let Some(c) = claims.get_mut(head) {
            c.section = s;
            c.positive = true;
            if head != 0 {
                // Chapter conclusions support the thesis, or an earlier
                // chapter's conclusion.
                let target = if heads.len() > 2 && rng.chance(0.3) {
                    heads[rng.below(heads.len() - 1)]
                } else {
                    0
                };
                c.supports.push(target);
            }
        }
        let mut positives = vec![head];
        let mut open: Vec<usize> = Vec::new(); // counterpoints not yet answered
        let mut section_args: Vec<usize> = Vec::new();
        let mut pending: Vec<usize> = Vec::new();
        let mut want = rng.range(2, 3);
        for i in lo + 1..hi {
            let r = rng.unit();
            let mut plan = ClaimPlan {
                section: s,
                ..ClaimPlan::default()
            };
            if r < 0.12 && !open.is_empty() {
                // An answer to an open counterpoint.
                let k = rng.below(open.len());
                let target = open.swap_remove(k);
                plan.attacks.push(target);
                if rng.chance(0.04) {
                    // The counterpoint strikes back: an attack cycle.
                    if let Some(t) = claims.get_mut(target) {
                        t.attacks.push(i);
                    }
                }
            } else if r < 0.32 {
                // A counterpoint: rebuts or undermines an earlier claim, now
                // and then one in an earlier section.
                let target = if rng.chance(0.05) && !positives_all.is_empty() {
                    positives_all[rng.below(positives_all.len())]
                } else {
                    positives[rng.below(positives.len())]
                };
                plan.attacks.push(target);
                open.push(i);
            } else if r < 0.35 && !section_args.is_empty() {
                // An undercut of a linked argument.
                let a = section_args[rng.below(section_args.len())];
                plan.undercuts.push(a);
                open.push(i);
            } else if r < 0.47 {
                // A linked premise: waits for its partners.
                plan.positive = true;
                pending.push(i);
            } else {
                // A convergent premise.
                plan.positive = true;
                let target = if rng.chance(0.04) && !positives_all.is_empty() {
                    positives_all[rng.below(positives_all.len())]
                } else {
                    // Recent claims are supported more often.
                    let k = positives.len();
                    let back = rng.below(k.min(12));
                    positives[k - 1 - back]
                };
                plan.supports.push(target);
                if rng.chance(0.08) {
                    let other = positives[rng.below(positives.len())];
                    if other != target {
                        plan.supports.push(other);
                    }
                }
            }
            if plan.positive {
                positives.push(i);
            }
            claims[i] = plan;
            if pending.len() >= want {
                let first = pending.iter().copied().min().unwrap_or(i);
                let candidates: Vec<usize> =
                    positives.iter().copied().filter(|&p| p < first).collect();
                let back = rng.below(candidates.len().min(8));
                let conclusion = candidates
                    .len()
                    .checked_sub(1 + back)
                    .and_then(|k| candidates.get(k))
                    .copied()
                    .unwrap_or(head);
                section_args.push(arguments.len());
                arguments.push(ArgumentPlan {
                    premises: std::mem::take(&mut pending),
                    conclusion,
                    section: s,
                    own_section: rng.chance(0.5),
                });
                want = rng.range(2, 3);
            }
        }
        // A lone linked premise left over supports on its own.
        for p in std::mem::take(&mut pending) {
            let candidates: Vec<usize> = positives.iter().copied().filter(|&x| x < p).collect();
            let target = candidates.last().copied().unwrap_or(head);
            if let Some(c) = claims.get_mut(p) {
                c.supports.push(target);
            }
        }
        positives_all.extend(positives);
    }

    // Sources: the analysed document first, then the bibliography.
    let doc_words = (n * 4).max(2000);
    let mut source_plans: Vec<SourcePlan> = Vec::with_capacity(sources);
    for k in 0..sources {
        let authors = match rng.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        let family: Vec<String> = (0..authors)
            .map(|_| capitalise(vocab.rare(&mut rng)))
            .collect();
        let given: Vec<String> = (0..authors)
            .map(|_| capitalise(vocab.rare(&mut rng)))
            .collect();
        let text = if k == 0 {
            Some(Text::new(&vocab, &mut rng, doc_words))
        } else if k % 4 == 1 {
            let words = rng.range(250, 700);
            Some(Text::new(&vocab, &mut rng, words))
        } else {
            None
        };
        source_plans.push(SourcePlan {
            family,
            given,
            year: rng.range(1990, 2024),
            text,
        });
    }

    let mut stats = Stats {
        claims: n,
        sections,
        sources,
        arguments: arguments.len(),
        ..Stats::default()
    };
    let mut out = String::with_capacity(n * 420 + sources * 400);
    let title = vocab.phrase(&mut rng, 3, 6);
    let _ = writeln!(out, "[map]");
    let _ = writeln!(out, "title = {}", q(&format!("Synthetic debate: {title}")));
    let _ = writeln!(
        out,
        "description = {}",
        q(&format!(
            "Generated by genmap: {n} claims, seed {}",
            spec.seed
        ))
    );
    let _ = writeln!(out, "thesis = \"c-0\"");
    let _ = writeln!(out, "document = \"src-0\"");
    let _ = writeln!(out, "version = 2\n");
    // The generated texts are short and written for the quotes: a share
    // well above a real map's, so that the maps check clean while every
    // copy rule still runs.
    let _ = writeln!(out, "[limits]\nquote-share = 100\n");

    for s in 0..sections {
        let _ = writeln!(out, "[sections.s-{s}]");
        let _ = writeln!(
            out,
            "title = {}",
            q(&format!("{}. {}", s + 1, vocab.phrase(&mut rng, 2, 5)))
        );
        if rng.chance(0.3) {
            let _ = writeln!(
                out,
                "description = {}",
                q(&(vocab.phrase(&mut rng, 8, 16) + "."))
            );
        }
        out.push('\n');
    }
    for a in 0..actors {
        let _ = writeln!(out, "[actors.actor-{a}]");
        let _ = writeln!(
            out,
            "name = {}\n",
            q(&format!(
                "{} {}",
                capitalise(vocab.rare(&mut rng)),
                capitalise(vocab.rare(&mut rng))
            ))
        );
    }
    let mut texts = Vec::new();
    for (k, sp) in source_plans.iter().enumerate() {
        let _ = writeln!(out, "[sources.src-{k}]");
        let title = format!("{} {}", vocab.phrase(&mut rng, 3, 7), k);
        let _ = writeln!(out, "title = {}", q(&title));
        let authors: Vec<String> = sp
            .family
            .iter()
            .zip(&sp.given)
            .map(|(f, g)| q(&format!("{f}, {g}")))
            .collect();
        let _ = writeln!(out, "authors = [{}]", authors.join(", "));
        let _ = writeln!(out, "year = {}", sp.year);
        let kind = if k == 0 {
            "chapter"
        } else {
            rng.pick(KINDS).copied().unwrap_or("other")
        };
        let _ = writeln!(out, "kind = \"{kind}\"");
        if rng.chance(0.4) {
            let _ = writeln!(
                out,
                "container = {}",
                q(&format!("Journal of {}", capitalise(vocab.rare(&mut rng))))
            );
        }
        if rng.chance(0.5) {
            let _ = writeln!(out, "url = \"https://example.org/works/{k}\"");
            let _ = writeln!(out, "accessed = 2025-02-01");
        }
        if rng.chance(0.3) {
            let _ = writeln!(out, "doi = \"10.5555/argmap.{k}\"");
        }
        let family = &sp.family;
        let cited_as = match family.len() {
            1 => format!("{} {}", family[0], sp.year),
            2 => format!("{} and {} {}", family[0], family[1], sp.year),
            _ => format!("{} et al. {}", family[0], sp.year),
        };
        let _ = writeln!(out, "cited-as = {}", q(&cited_as));
        if let Some(text) = &sp.text {
            let path = format!("texts/src-{k}.txt");
            let _ = writeln!(out, "text = {}", q(&path));
            texts.push((path, text.body.clone()));
            stats.texts += 1;
        }
        out.push('\n');
    }

    // Each source is first cited by claims in a shuffled round-robin, so
    // every source is cited.
    let mut order: Vec<usize> = (0..sources).collect();
    for i in (1..order.len()).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    let doc = source_plans.first().and_then(|s| s.text.as_ref());
    for (i, plan) in claims.iter().enumerate() {
        let _ = writeln!(out, "[claims.c-{i}]");
        let _ = writeln!(out, "text = {}", q(&(vocab.phrase(&mut rng, 6, 16) + ".")));
        let _ = writeln!(out, "section = \"s-{}\"", plan.section);
        if rng.chance(0.08) {
            let _ = writeln!(out, "by = [\"actor-{}\"]", rng.below(actors));
        }
        if rng.chance(0.15)
            && let Some(quote) = doc.and_then(|d| d.quote(&mut rng, 5, 12))
        {
            let at = doc.map_or(1, |d| rng.below(d.paragraphs()) + 1);
            let _ = writeln!(
                out,
                "anchor = {{ at = \"para. {at}\", quote = {} }}",
                q(&quote)
            );
            stats.quotes += 1;
        }
        let mut cites = vec![order[i % sources]];
        for _ in 0..rng.below(3) {
            let s = rng.below(sources);
            if !cites.contains(&s) {
                cites.push(s);
            }
        }
        let mut entries = Vec::with_capacity(cites.len());
        for s in cites {
            let text = source_plans.get(s).and_then(|p| p.text.as_ref());
            let at = rng.chance(0.4).then(|| format!("p. {}", rng.range(1, 400)));
            let quote = match text {
                Some(t) if rng.chance(0.5) => t.quote(&mut rng, 4, 10),
                _ => None,
            };
            stats.citations += 1;
            entries.push(match (at, quote) {
                (None, None) => format!("\"src-{s}\""),
                (at, quote) => {
                    let mut e = format!("{{ source = \"src-{s}\"");
                    if let Some(at) = at {
                        let _ = write!(e, ", at = {}", q(&at));
                    }
                    if let Some(quote) = quote {
                        stats.quotes += 1;
                        let _ = write!(e, ", quote = {}", q(&quote));
                    }
                    e.push_str(" }");
                    e
                }
            });
        }
        let _ = writeln!(out, "cites = [{}]", entries.join(", "));
        if !plan.supports.is_empty() {
            stats.supports += plan.supports.len();
            let ids: Vec<String> = plan.supports.iter().map(|t| format!("\"c-{t}\"")).collect();
            let _ = writeln!(out, "supports = [{}]", ids.join(", "));
        }
        if !plan.attacks.is_empty() || !plan.undercuts.is_empty() {
            stats.attacks += plan.attacks.len();
            stats.undercuts += plan.undercuts.len();
            let ids: Vec<String> = plan
                .attacks
                .iter()
                .map(|t| format!("\"c-{t}\""))
                .chain(plan.undercuts.iter().map(|a| format!("\"arg-{a}\"")))
                .collect();
            let _ = writeln!(out, "attacks = [{}]", ids.join(", "));
        }
        out.push('\n');
    }
    for (k, a) in arguments.iter().enumerate() {
        let _ = writeln!(out, "[arguments.arg-{k}]");
        let ids: Vec<String> = a.premises.iter().map(|p| format!("\"c-{p}\"")).collect();
        let _ = writeln!(out, "premises = [{}]", ids.join(", "));
        let _ = writeln!(out, "conclusion = \"c-{}\"", a.conclusion);
        stats.supports += 1;
        if rng.chance(0.6) {
            let _ = writeln!(out, "label = {}", q(&vocab.phrase(&mut rng, 2, 5)));
        }
        if a.own_section {
            let _ = writeln!(out, "section = \"s-{}\"", a.section);
        }
        out.push('\n');
    }
    Generated {
        toml: out,
        texts,
        stats,
    }
}

/// Writes `generated` into `dir` (created if needed) as `map.toml` and
/// `texts/*.txt`; returns the map's path.
pub fn write(dir: &Path, generated: &Generated) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir.join("texts"))?;
    for (rel, body) in &generated.texts {
        std::fs::write(dir.join(rel), body)?;
    }
    let map = dir.join("map.toml");
    std::fs::write(&map, &generated.toml)?;
    Ok(map)
}
