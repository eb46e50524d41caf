//! `cargo bench`: argmap's library on generated maps of 1,000, 10,000 and
//! 100,000 claims (`examples/genmap`, seed 1), written with their source
//! texts to a temporary folder at start-up, so that quote checks read and
//! index real files.
//!
//! - `load`: bytes to model (`argmap::load::load`);
//! - `check`: load, graph, texts and every rule, quotes included
//!   (`argmap::check::check_with`);
//! - `eval`: grounded semantics (`argmap::eval::evaluate`);
//! - `dot`: the whole-map diagram as DOT (`argmap::render::to_dot`);
//! - `report`: the Markdown audit (`Audit::new` and `markdown::render`);
//! - `document_read`: the document reader on texts of 1, 4 and 16 MiB;
//! - `lsp_edit`: the language server after one edit of a 20,000-claim map
//!   (the change, the check with the texts kept indexed, the diagnostics
//!   published), in process over `Connection::memory()`.
//!
//! `cargo bench -- check` runs one group; `ARGMAP_BENCH_SIZES=1000,10000`
//! picks sizes. The benchmarks are not part of `cargo test`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../examples/genmap/generate.rs"]
mod generate;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

use argmap::check::{Checked, Options, check_with};
use divan::Bencher;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A generated map on disk, read and checked once.
struct Fixture {
    /// The map's path (its texts are beside it).
    path: String,
    bytes: Vec<u8>,
    checked: Checked,
}

/// Keeps the temporary folders until the process exits.
static DIRS: Mutex<Vec<tempfile::TempDir>> = Mutex::new(Vec::new());

/// The fixture of `n` claims, generated on first use.
fn fixture(n: usize) -> &'static Fixture {
    static ALL: OnceLock<Mutex<HashMap<usize, &'static Fixture>>> = OnceLock::new();
    let mut all = ALL.get_or_init(Default::default).lock().unwrap();
    all.entry(n).or_insert_with(|| {
        let dir = tempfile::tempdir().unwrap();
        let generated = generate::generate(generate::Spec { claims: n, seed: 1 });
        let path: PathBuf = generate::write(dir.path(), &generated).unwrap();
        DIRS.lock().unwrap().push(dir);
        let path = path.display().to_string();
        let bytes = std::fs::read(&path).unwrap();
        let checked = check_with(&path, &bytes, &Options::default());
        assert_eq!(checked.report.errors(), 0, "generated maps check clean");
        Box::leak(Box::new(Fixture {
            path,
            bytes,
            checked,
        }))
    })
}

fn sizes() -> Vec<usize> {
    match std::env::var("ARGMAP_BENCH_SIZES") {
        Ok(s) => s.split(',').filter_map(|n| n.trim().parse().ok()).collect(),
        Err(_) => SIZES.to_vec(),
    }
}

fn main() {
    divan::main();
}

#[divan::bench(args = sizes(), max_time = 10)]
fn load(bencher: Bencher, n: usize) {
    let f = fixture(n);
    bencher.bench(|| argmap::load::load(&f.path, &f.bytes));
}

#[divan::bench(args = sizes(), max_time = 10)]
fn check(bencher: Bencher, n: usize) {
    let f = fixture(n);
    bencher.bench(|| check_with(&f.path, &f.bytes, &Options::default()));
}

#[divan::bench(args = sizes(), max_time = 10)]
fn eval(bencher: Bencher, n: usize) {
    let f = fixture(n);
    let (map, graph) = (
        f.checked.map.as_ref().unwrap(),
        f.checked.graph.as_ref().unwrap(),
    );
    bencher.bench(|| argmap::eval::evaluate(map, graph));
}

#[divan::bench(args = sizes(), max_time = 10)]
fn dot(bencher: Bencher, n: usize) {
    let f = fixture(n);
    let (map, graph) = (
        f.checked.map.as_ref().unwrap(),
        f.checked.graph.as_ref().unwrap(),
    );
    let options = argmap::render::Options::default();
    bencher.bench(|| argmap::render::to_dot(map, graph, &options).unwrap());
}

#[divan::bench(args = sizes(), max_time = 10)]
fn report(bencher: Bencher, n: usize) {
    let f = fixture(n);
    let (map, graph) = (
        f.checked.map.as_ref().unwrap(),
        f.checked.graph.as_ref().unwrap(),
    );
    let evaluation = argmap::eval::evaluate(map, graph);
    bencher.bench(|| {
        let audit = argmap::report::Audit::new(
            &f.checked.report,
            map,
            graph,
            &evaluation,
            &f.checked.texts,
        );
        argmap::report::markdown::render(&audit, None, 1)
    });
}

/// Sizes, in bytes, of the huge strings of [`huge_values`].
const HUGE: [usize; 3] = [256 << 10, 1 << 20, 2 << 20];

/// `check` of a small map whose claim text, quote and ids are huge: time
/// should grow in proportion to the size (the tests only check that such
/// maps give the right findings; speed is measured here).
#[divan::bench(args = HUGE, max_time = 10)]
fn huge_values(bencher: Bencher, bytes: usize) {
    let long_id = "k".repeat(bytes);
    let many_words = "word ".repeat(bytes / 5);
    let map = format!(
        "[map]\ntitle = \"huge\"\nthesis = \"a\"\n[sources.s]\ntitle = \"S\"\nauthors = [\"A\"]\nyear = 2000\n\
         [claims.a]\ntext = \"{}\"\ncites = [{{ source = \"s\", quote = \"{}\" }}]\n\
         [claims.b]\ntext = \"{many_words}\"\nattacks = [\"a\"]\ncites = [\"s\"]\n\
         [claims.{long_id}]\ntext = \"long id\"\nsupports = [\"{}y\"]\n",
        "y".repeat(bytes),
        "q".repeat(bytes / 4),
        &long_id[1..],
    );
    bencher.bench(|| check_with("huge.toml", map.as_bytes(), &Options::default()));
}

/// Sizes, in bytes, of the documents of [`document_read`].
const DOCUMENTS: [usize; 3] = [1 << 20, 4 << 20, 16 << 20];

/// A document of about `bytes` bytes: sections of author–year cited
/// paragraphs, then a reference list, built from the teaching text.
fn document(bytes: usize) -> String {
    let sample = include_str!("../examples/harbour-towns.txt");
    let (body, refs) = sample.split_once("References").unwrap();
    let mut text = String::with_capacity(bytes + refs.len());
    let mut n = 0;
    while text.len() < bytes {
        n += 1;
        text.push_str(&format!("Part {n}\n\n"));
        text.push_str(body.split_once("Origins").unwrap().1);
        // One long paragraph too: many parentheses in one block.
        text.push_str(&"A claim (Marsh 2018; Zhou 2016, 4). ".repeat(200));
        text.push_str("\n\n");
    }
    text.push_str("References");
    text.push_str(refs);
    text
}

/// `Document::read` (headings, paragraphs, citations, reference entries):
/// time should grow in proportion to the text.
#[divan::bench(args = DOCUMENTS, max_time = 10)]
fn document_read(bencher: Bencher, bytes: usize) {
    let text = document(bytes);
    bencher.bench(|| argmap::document::Document::read(&text));
}

/// Sizes of [`lsp_edit`]: the size the language server is held to (a
/// check after an edit of a 20,000-claim map under 150 ms).
const LSP_SIZES: [usize; 1] = [20_000];

/// Sends `message` to the server as the client.
fn send(client: &argmap::lsp::Connection, message: serde_json::Value) {
    let message: argmap::lsp::Message = serde_json::from_value(message).unwrap();
    client.sender.send(message).unwrap();
}

/// Waits for the diagnostics of a check, and returns how many there are.
fn diagnostics(client: &argmap::lsp::Connection) -> usize {
    loop {
        if let argmap::lsp::Message::Notification(n) = client.receiver.recv().unwrap()
            && n.method == "textDocument/publishDiagnostics"
        {
            return n.params["diagnostics"].as_array().unwrap().len();
        }
    }
}

/// `argmap lsp` after an edit: one character typed into (and, the next
/// time, deleted from) a claim's text of the map, sent as an incremental
/// change, until the server has published the findings of the map checked
/// again. The texts stay indexed between checks, as in an editor.
#[divan::bench(args = LSP_SIZES, max_time = 10)]
fn lsp_edit(bencher: Bencher, n: usize) {
    use serde_json::json;
    let f = fixture(n);
    let (client, server) = argmap::lsp::Connection::memory();
    let serving = std::thread::spawn(move || argmap::lsp::serve(&server, Default::default()));
    let uri = url::Url::from_file_path(std::path::absolute(&f.path).unwrap())
        .unwrap()
        .to_string();
    let text = String::from_utf8(f.bytes.clone()).unwrap();
    send(
        &client,
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    send(
        &client,
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    send(
        &client,
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": text}}}),
    );
    let found = diagnostics(&client);
    // The middle claim's text: its line, and the column after its quote.
    let at = text.match_indices("\ntext = \"").nth(n / 2).unwrap().0 + 1;
    let line = text[..at].matches('\n').count();
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        let (range, typed) = if version % 2 == 0 {
            (json!({"start": {"line": line, "character": 8}, "end": {"line": line, "character": 8}}), "x")
        } else {
            (json!({"start": {"line": line, "character": 8}, "end": {"line": line, "character": 9}}), "")
        };
        send(&client, json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": range, "text": typed}]}}));
        assert_eq!(diagnostics(&client), found);
    });
    send(
        &client,
        json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    );
    send(&client, json!({"jsonrpc": "2.0", "method": "exit"}));
    assert_eq!(serving.join().unwrap(), argmap::lsp::Ended::Shutdown);
}
