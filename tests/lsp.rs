//! `argmap lsp` through its protocol: a test client drives the server in
//! process over `Connection::memory()` (initialize, didOpen, didChange,
//! every request it answers, shutdown and exit) and checks the answers,
//! snapshotted; positions with CJK and emoji text in both encodings; input
//! the server must survive. One test runs the real binary over stdio.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

#[path = "../examples/genmap/generate.rs"]
mod generate;

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Duration;

use argmap::lsp::{Connection, Ended, Message, Settings};
use serde_json::{Value, json};

/// How long a test waits for one message before it fails.
const WAIT: Duration = Duration::from_secs(60);

struct Client {
    conn: Connection,
    server: Option<JoinHandle<Ended>>,
    next_id: i32,
    /// Notifications received while waiting for a response.
    stash: Vec<(String, Value)>,
}

impl Client {
    /// A server, initialized by a client that offers `encodings`, with
    /// `options` as its `initializationOptions`.
    fn start(encodings: &[&str], options: Value) -> (Client, Value) {
        let (conn, server) = Connection::memory();
        let today = argmap::model::Date::constant(2026, 11, 26);
        let handle = std::thread::spawn(move || {
            argmap::lsp::serve(&server, Settings { today: Some(today) })
        });
        let mut client = Client {
            conn,
            server: Some(handle),
            next_id: 0,
            stash: Vec::new(),
        };
        let result = client
            .request(
                "initialize",
                json!({
                    "processId": null,
                    "rootUri": null,
                    "capabilities": {"general": {"positionEncodings": encodings}},
                    "initializationOptions": options,
                }),
            )
            .unwrap();
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send(&self, message: Value) {
        let message: Message = serde_json::from_value(message).unwrap();
        self.conn.sender.send(message).unwrap();
    }

    fn notify(&self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and waits for its response: the result, or the
    /// error's code and message.
    fn request(&mut self, method: &str, params: Value) -> Result<Value, (i32, String)> {
        self.next_id += 1;
        let id = self.next_id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            match self.conn.receiver.recv_timeout(WAIT).expect("an answer") {
                Message::Response(r) if r.id == id.into() => {
                    return r.response_result.map_err(|e| (e.code, e.message));
                }
                Message::Notification(n) => self.stash.push((n.method, n.params)),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    /// The next notification `method` (from the stash first).
    fn notification(&mut self, method: &str) -> Value {
        if let Some(i) = self.stash.iter().position(|(m, _)| m == method) {
            return self.stash.remove(i).1;
        }
        loop {
            match self
                .conn
                .receiver
                .recv_timeout(WAIT)
                .expect("a notification")
            {
                Message::Notification(n) if n.method == method => return n.params,
                Message::Notification(n) => self.stash.push((n.method, n.params)),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    /// The next diagnostics published for `uri` (those of other documents
    /// are kept for later).
    fn diagnostics(&mut self, uri: &str) -> Value {
        let method = "textDocument/publishDiagnostics";
        if let Some(i) = self
            .stash
            .iter()
            .position(|(m, p)| m == method && p["uri"] == uri)
        {
            return self.stash.remove(i).1;
        }
        loop {
            match self.conn.receiver.recv_timeout(WAIT).expect("diagnostics") {
                Message::Notification(n) if n.method == method && n.params["uri"] == uri => {
                    return n.params;
                }
                Message::Notification(n) => self.stash.push((n.method, n.params)),
                other => panic!("unexpected {other:?}"),
            }
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    /// Shuts the server down as the protocol says, and how it ended.
    fn shutdown(mut self) -> Ended {
        assert_eq!(self.request("shutdown", Value::Null), Ok(Value::Null));
        self.notify("exit", Value::Null);
        self.server.take().unwrap().join().unwrap()
    }
}

fn fixture(name: &str) -> PathBuf {
    std::path::absolute(Path::new("tests/fixtures/lsp").join(name)).unwrap()
}

fn uri_of(path: &Path) -> String {
    url::Url::from_file_path(path).unwrap().to_string()
}

/// `value` with the repository's path written as `$ROOT`, so that
/// snapshots do not depend on where the repository is.
fn portable(value: &Value) -> Value {
    let root = std::path::absolute(".").unwrap();
    let as_uri = uri_of(&root);
    let text = serde_json::to_string(value)
        .unwrap()
        .replace(&as_uri, "file://$ROOT")
        .replace(&root.display().to_string(), "$ROOT");
    serde_json::from_str(&text).unwrap()
}

/// The LSP position of byte `offset` of `text`, in UTF-16 or UTF-8.
fn position(text: &str, offset: usize, utf16: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column: usize = if utf16 {
        before[start..].chars().map(char::len_utf16).sum()
    } else {
        offset - start
    };
    json!({"line": line, "character": column})
}

/// The position `into` bytes into the first `needle` of `text` (UTF-16).
fn at(text: &str, needle: &str, into: usize) -> Value {
    let offset = text.find(needle).unwrap_or_else(|| panic!("{needle:?}")) + into;
    position(text, offset, true)
}

/// The byte offset of a position.
fn offset(text: &str, p: &Value, utf16: bool) -> usize {
    let line = p["line"].as_u64().unwrap() as usize;
    let character = p["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += if utf16 { c.len_utf16() } else { c.len_utf8() };
    }
    text.len()
}

/// `text` with the edits of one document applied, from the last.
fn apply(text: &str, edits: &[Value], utf16: bool) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], utf16),
                offset(text, &e["range"]["end"], utf16),
                e["newText"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_owned();
    for (a, b, new) in spans {
        out.replace_range(a..b, &new);
    }
    out
}

fn doc(uri: &str, p: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": p})
}

/// The whole session on the test map: every request, checked and
/// snapshotted.
#[test]
fn a_session_answers_every_request() {
    let path = fixture("bridge.toml");
    let uri = uri_of(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let (mut c, init) = Client::start(&["utf-16"], Value::Null);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["serverInfo"]["name"], "argmap");
    insta::assert_json_snapshot!("initialize", init["capabilities"]);

    // Diagnostics: what `check` finds, with the project file's text.
    let published = c.open(&uri, &text);
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    let run = common::argmap([
        "check",
        "--format",
        "json",
        "tests/fixtures/lsp/bridge.toml",
    ])
    .run();
    let check: Value = serde_json::from_str(&run.stdout).unwrap();
    let from_check: Vec<&str> = check["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, from_check, "the server finds what `check` finds");
    assert!(
        codes.contains(&"quote-not-found"),
        "the project's text is read"
    );
    insta::assert_json_snapshot!("diagnostics", portable(&published));

    // Definition and references of `rebuild`, from a reference to it.
    let reference = at(&text, "attacks = [\"rebuild\"]", 13);
    let definition = c
        .request("textDocument/definition", doc(&uri, reference.clone()))
        .unwrap();
    let def_start = offset(&text, &definition["range"]["start"], true);
    assert!(text[def_start..].starts_with("rebuild]"), "{definition}");
    let mut params = doc(&uri, reference.clone());
    params["context"] = json!({"includeDeclaration": true});
    let references = c.request("textDocument/references", params).unwrap();
    let written: Vec<&str> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let a = offset(&text, &l["range"]["start"], true);
            let b = offset(&text, &l["range"]["end"], true);
            &text[a..b]
        })
        .collect();
    assert_eq!(written, ["\"rebuild\"", "rebuild", "\"rebuild\""]);

    // Hover: a claim, a source, a code in `[lints]`-free territory (a
    // finding's code).
    let on_claim = c
        .request(
            "textDocument/hover",
            doc(&uri, at(&text, "supports = [\"unsafe\"]", 13)),
        )
        .unwrap();
    let on_source = c
        .request(
            "textDocument/hover",
            doc(&uri, at(&text, "[sources.inspection]", 10)),
        )
        .unwrap();
    let on_finding = c
        .request(
            "textDocument/hover",
            doc(&uri, at(&text, "by = \"engineer\"", 6)),
        )
        .unwrap();
    insta::assert_json_snapshot!("hover", portable(&json!([on_claim, on_source, on_finding])));

    // Completion: ids after `supports = ["`, keys in a claim's table.
    let mut edited = text.replace("supports = [\"unsafe\"]", "supports = [\"uns");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": edited}]}),
    );
    let ids = c
        .request(
            "textDocument/completion",
            doc(&uri, at(&edited, "supports = [\"uns", 16)),
        )
        .unwrap();
    assert_eq!(ids["items"][0]["label"], "unsafe", "{ids}");
    assert_eq!(ids["items"][0]["textEdit"]["newText"], "unsafe");
    edited = edited.replace("supports = [\"uns", "supports = [\"unsafe\"]\nsec");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": edited}]}),
    );
    let keys = c
        .request(
            "textDocument/completion",
            doc(&uri, at(&edited, "\nsec\n", 4)),
        )
        .unwrap();
    let labels: Vec<&str> = keys["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    // The keys a claim takes, but those it has.
    assert_eq!(
        labels,
        ["by", "anchor", "attacks", "qualifies", "tags"],
        "{keys}"
    );
    insta::assert_json_snapshot!("completion", json!([ids["items"][0], keys["items"][0]]));
    // Back to the file's text, by an incremental change that deletes the
    // line `sec`.
    let sec = edited.find("\nsec\n").unwrap();
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{
            "range": {"start": position(&edited, sec, true), "end": position(&edited, sec + 4, true)},
            "text": ""}]}),
    );
    let again = loop {
        let d = c.diagnostics(&uri);
        if d["version"] == 4 {
            break d;
        }
    };
    assert_eq!(
        again["diagnostics"], published["diagnostics"],
        "the text is the file's again"
    );

    // Rename `unsafe` from its definition.
    let definition = at(&text, "[claims.unsafe]", 9);
    let prepared = c
        .request("textDocument/prepareRename", doc(&uri, definition.clone()))
        .unwrap();
    assert_eq!(prepared["placeholder"], "unsafe");
    let mut params = doc(&uri, definition);
    params["newName"] = json!("not-safe");
    let rename = c.request("textDocument/rename", params.clone()).unwrap();
    let edits = rename["changes"][&uri].as_array().unwrap();
    let renamed = apply(&text, edits, true);
    assert_eq!(renamed, text.replace("unsafe", "not-safe"));
    params["newName"] = json!("repair");
    assert_eq!(
        c.request("textDocument/rename", params.clone()),
        Err((
            -32600,
            "`repair` already names a claim of the map".to_owned()
        ))
    );
    params["newName"] = json!("not an id");
    assert!(c.request("textDocument/rename", params).is_err());

    // Quick fixes for the whole file.
    let end = position(&text, text.len(), true);
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri},
                   "range": {"start": {"line": 0, "character": 0}, "end": end},
                   "context": {"diagnostics": []}}),
        )
        .unwrap();
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "replace `\"engineer\"` with `[\"engineer\"]`",
            "replace `\"rebuld\"` with `\"rebuild\"`",
            "add claim `rebuld` (a stub)",
            "replace `\"inspecton\"` with `\"inspection\"`",
            "add source `inspecton` (a stub)",
            "add source `grants` (a stub)",
        ]
    );
    // The preferred fix of each finding is the suggestion.
    let preferred: Vec<bool> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["isPreferred"] == true)
        .collect();
    assert_eq!(preferred, [true, true, false, true, false, false]);
    // The suggestions and the stub for `grants`, applied: the map has none
    // of those findings left.
    let every: Vec<Value> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["isPreferred"] == true || a["title"] == "add source `grants` (a stub)")
        .flat_map(|a| a["edit"]["changes"][&uri].as_array().unwrap().clone())
        .collect();
    let fixed = apply(&text, &every, true);
    insta::assert_snapshot!("fixed", fixed);
    let after = argmap::check::check_with(
        path.to_str().unwrap(),
        fixed.as_bytes(),
        &Default::default(),
    );
    let left: Vec<_> = after
        .report
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert!(
        !left.contains(&"unknown-reference") && !left.contains(&"invalid-value"),
        "{left:?}"
    );

    // The outline: the section with its claims, the rest, the source and
    // the actor.
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .unwrap();
    insta::assert_json_snapshot!("symbols", symbols);

    assert_eq!(c.shutdown(), Ended::Shutdown);
}

/// A map with Chinese characters and emoji before ids on the same line:
/// ranges are right in UTF-16 (the default) and in UTF-8 (when offered).
#[test]
fn positions_count_utf16_units_or_bytes_as_negotiated() {
    let text = "[map]\ntitle = \"桥 🌉\"\n\n[claims]\nrebuild = { text = \"重建 🌉 bridge\" }\nb = { text = \"谢瑞鹄 😀 é\", supports = [\"rebuld\"] }\n";
    let uri = "file:///tmp/argmap-lsp-test/cjk.toml";
    for (offered, utf16) in [(vec!["utf-16"], true), (vec!["utf-8", "utf-16"], false)] {
        let (mut c, init) = Client::start(&offered, Value::Null);
        assert_eq!(
            init["capabilities"]["positionEncoding"],
            if utf16 { "utf-16" } else { "utf-8" }
        );
        let published = c.open(uri, text);
        let wrong = published["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["code"] == "unknown-reference")
            .unwrap();
        let start = offset(text, &wrong["range"]["start"], utf16);
        let end = offset(text, &wrong["range"]["end"], utf16);
        assert_eq!(&text[start..end], "\"rebuld\"", "{offered:?}");
        let expected = text.find("\"rebuld\"").unwrap();
        assert_eq!(wrong["range"]["start"], position(text, expected, utf16));
        // Definition from the reference, and a rename applied by the
        // client's own count of the units.
        let inside = position(text, expected + 3, utf16);
        let fix = c
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri},
                       "range": {"start": inside, "end": inside},
                       "context": {"diagnostics": []}}),
            )
            .unwrap();
        let edits = fix[0]["edit"]["changes"][uri].as_array().unwrap();
        let fixed = apply(text, edits, utf16);
        assert!(fixed.contains("supports = [\"rebuild\"] }"), "{fixed}");
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": fixed}]}),
        );
        let at_reference = position(&fixed, fixed.find("\"rebuild\"").unwrap() + 2, utf16);
        let definition = c
            .request("textDocument/definition", doc(uri, at_reference.clone()))
            .unwrap();
        let start = offset(&fixed, &definition["range"]["start"], utf16);
        assert!(fixed[start..].starts_with("rebuild = {"), "{definition}");
        let mut params = doc(uri, at_reference);
        params["newName"] = json!("重建");
        assert!(c.request("textDocument/rename", params.clone()).is_err());
        params["newName"] = json!("rebuild-it");
        let rename = c.request("textDocument/rename", params).unwrap();
        let renamed = apply(&fixed, rename["changes"][uri].as_array().unwrap(), utf16);
        assert_eq!(renamed, fixed.replace("rebuild", "rebuild-it"));
        // An edit after the emoji, by range: the server's text stays the
        // client's.
        let emoji = fixed.find("😀").unwrap() + '😀'.len_utf8();
        let p = position(&fixed, emoji, utf16);
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{
                "range": {"start": p, "end": p}, "text": "🌉"}]}),
        );
        let changed = fixed.replacen("😀", "😀🌉", 1);
        let hover = c
            .request(
                "textDocument/hover",
                doc(
                    uri,
                    position(&changed, changed.find("\"rebuild\"").unwrap() + 2, utf16),
                ),
            )
            .unwrap();
        let start = offset(&changed, &hover["range"]["start"], utf16);
        let end = offset(&changed, &hover["range"]["end"], utf16);
        assert_eq!(&changed[start..end], "\"rebuild\"");
        assert!(
            hover["contents"]["value"]
                .as_str()
                .unwrap()
                .contains("重建 🌉 bridge")
        );
        assert_eq!(c.shutdown(), Ended::Shutdown);
    }
}

/// What the server must survive: requests before `initialize`, unknown
/// methods and documents, bad parameters, positions past the end, edits
/// out of range, a text that is not TOML, bad initialization options. It
/// answers each and goes on.
#[test]
fn the_server_survives_what_clients_send() {
    let (conn, server) = Connection::memory();
    let handle = std::thread::spawn(move || argmap::lsp::serve(&server, Settings::default()));
    let mut c = Client {
        conn,
        server: Some(handle),
        next_id: 0,
        stash: Vec::new(),
    };
    let early = c.request("textDocument/hover", json!({}));
    assert_eq!(early.unwrap_err().0, -32002, "not initialized yet");
    c.request(
        "initialize",
        json!({"capabilities": {}, "initializationOptions": {
            "levels": {"uncited-clam": "warn", "orphan-claim": "loud"},
            "texts": {"x": 3}, "textz": {}}}),
    )
    .unwrap();
    let mut said = Vec::new();
    for _ in 0..4 {
        said.push(
            c.notification("window/showMessage")["message"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    said.sort();
    insta::assert_json_snapshot!("bad_options", said);

    let uri = "file:///tmp/argmap-lsp-test/broken.toml";
    let unknown = "file:///tmp/argmap-lsp-test/never-opened.toml";
    assert_eq!(
        c.request(
            "textDocument/hover",
            doc(unknown, json!({"line": 0, "character": 0}))
        ),
        Ok(Value::Null)
    );
    assert_eq!(
        c.request("textDocument/formatting", json!({}))
            .unwrap_err()
            .0,
        -32601
    );
    assert_eq!(
        c.request("textDocument/hover", json!({"nonsense": 1}))
            .unwrap_err()
            .0,
        -32602
    );
    let published = c.open(uri, "[map\ntitle = \"t\"\n");
    assert_eq!(published["diagnostics"][0]["code"], "toml-syntax");
    let far = json!({"line": 4_000_000_000u32, "character": 4_000_000_000u32});
    for method in [
        "textDocument/hover",
        "textDocument/definition",
        "textDocument/completion",
        "textDocument/prepareRename",
    ] {
        assert!(c.request(method, doc(uri, far.clone())).is_ok(), "{method}");
    }
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": {"start": far, "end": {"line": 0, "character": 1}}, "text": "[map]\n# é😀\n"},
            {"range": {"start": {"line": 1, "character": 3}, "end": {"line": 1, "character": 3}}, "text": "x"}]}),
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": unknown, "version": 2}, "contentChanges": []}),
    );
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": "not an object"}),
    );
    c.notify("$/unknownNotification", json!(null));
    let published = c.diagnostics(uri);
    assert_eq!(published["version"], 2);
    let symbols = c
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .unwrap();
    // Not TOML: no outline, and no harm.
    assert_eq!(symbols, Value::Null);
    // Exit without shutdown: code 1's ending.
    c.notify("exit", Value::Null);
    assert_eq!(c.server.take().unwrap().join().unwrap(), Ended::Exit);
}

/// Texts and levels from `initializationOptions` win over the project
/// file's, as `--text` and `-A/-W/-D` do.
#[test]
fn initialization_options_win_over_the_project_file() {
    let path = fixture("bridge.toml");
    let uri = uri_of(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let other = std::path::absolute("tests/fixtures/rules/texts/survey.txt").unwrap();
    let (mut c, _) = Client::start(
        &["utf-16"],
        json!({"texts": {"inspection": other}, "levels": {"quote-not-found": "allow", "unknown-reference": "warn"}}),
    );
    let published = c.open(&uri, &text);
    let shown: Vec<(String, u64)> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["severity"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        !shown.iter().any(|(c, _)| c == "quote-not-found"),
        "{shown:?}"
    );
    assert!(
        shown.contains(&("unknown-reference".to_owned(), 2)),
        "{shown:?}"
    );
    let hover = c
        .request(
            "textDocument/hover",
            doc(&uri, at(&text, "[sources.inspection]", 10)),
        )
        .unwrap();
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("survey.txt"),
        "{hover}"
    );
    assert_eq!(c.shutdown(), Ended::Shutdown);
}

/// A project file with problems: its findings are published on it, the
/// map is checked without it and says so; fixing it in the editor is
/// enough.
#[test]
fn a_broken_project_file_is_reported_on_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let project = dir.path().join("argmap-project.toml");
    std::fs::write(&project, "[lint]\nuncited-claim = \"allow\"\n").unwrap();
    let map = dir.path().join("m.toml");
    let text = "[map]\ntitle = \"t\"\n[claims.a]\ntext = \"A\"\n";
    std::fs::write(&map, text).unwrap();
    let (mut c, _) = Client::start(&["utf-16"], Value::Null);
    let map_uri = uri_of(&map);
    let project_uri = uri_of(&project);
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": map_uri, "languageId": "toml", "version": 1, "text": text}}),
    );
    let on_project = c.diagnostics(&project_uri);
    let on_map = c.diagnostics(&map_uri);
    assert_eq!(on_project["diagnostics"][0]["code"], "unknown-field");
    assert_eq!(
        on_project["diagnostics"][0]["relatedInformation"][0]["message"],
        "did you mean `lints`?"
    );
    let messages: Vec<&str> = on_map["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.ends_with("is not used while it has 1 problem")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("claim `a` has no citation"))
    );
    // Fixed in the editor: the map is checked with it (the claim's finding
    // allowed), and the project's findings are cleared.
    let fixed = "[lints]\nuncited-claim = \"allow\"\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": project_uri, "languageId": "toml", "version": 1, "text": fixed}}),
    );
    let on_project = c.diagnostics(&project_uri);
    assert_eq!(on_project["diagnostics"], json!([]));
    let on_map = c.diagnostics(&map_uri);
    assert_eq!(on_map["diagnostics"], json!([]), "{on_map}");
    assert_eq!(c.shutdown(), Ended::Shutdown);
}

/// The real binary over stdio: a session with a malformed message in it
/// (the server logs it and goes on), then shutdown and exit, code 0.
#[test]
fn the_binary_serves_over_stdio() {
    let path = fixture("bridge.toml");
    let uri = uri_of(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let frame = |v: Value| {
        let body = v.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    };
    let input = [
        frame(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})),
        frame(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}})),
        "Content-Length: 9\r\n\r\n{garbage}".to_owned(),
        frame(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "toml", "version": 1, "text": text}}})),
        frame(json!({"jsonrpc": "2.0", "id": 2, "method": "textDocument/definition", "params":
            doc(&uri, at(&text, "attacks = [\"rebuild\"]", 13))})),
        frame(json!({"jsonrpc": "2.0", "id": 3, "method": "shutdown"})),
        frame(json!({"jsonrpc": "2.0", "method": "exit"})),
    ]
    .concat();
    let run = common::argmap(["lsp"]).stdin(input).run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut rest = run.stdout.as_str();
    let mut messages = Vec::new();
    while let Some((head, body)) = rest.split_once("\r\n\r\n") {
        let length: usize = head.trim_start_matches("Content-Length: ").parse().unwrap();
        messages.push(serde_json::from_str::<Value>(&body[..length]).unwrap());
        rest = &body[length..];
    }
    let methods: Vec<&str> = messages
        .iter()
        .map(|m| m["method"].as_str().unwrap_or("(response)"))
        .collect();
    assert_eq!(
        methods,
        [
            "(response)",
            "window/logMessage",
            "textDocument/publishDiagnostics",
            "(response)",
            "(response)"
        ]
    );
    assert!(
        messages[1]["params"]["message"]
            .as_str()
            .unwrap()
            .contains("not JSON-RPC")
    );
    assert_eq!(
        messages[2]["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    let start = offset(&text, &messages[3]["result"]["range"]["start"], true);
    assert!(text[start..].starts_with("rebuild]"));
}

/// What a check found, to compare two checks: every finding, and the
/// copy figures of every text.
fn found(c: &argmap::check::Checked) -> String {
    let findings: Vec<String> = c
        .report
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {:?} {} {:?}",
                d.code,
                d.span,
                d.message,
                d.shown_notes()
            )
        })
        .collect();
    format!("{findings:#?}\n{:#?}", c.report.texts)
}

/// The server's checks go through a cache (the parts of the file, the
/// texts, the index of their words, the runs each string shares with
/// them): after each edit of a map large enough to be loaded in parts, and
/// of one of its texts, a check through the cache finds what a fresh check
/// finds.
#[test]
fn a_check_through_a_cache_finds_what_a_fresh_check_finds() {
    let dir = tempfile::tempdir().unwrap();
    let generated = generate::generate(generate::Spec {
        claims: 4_500,
        seed: 3,
    });
    let path = generate::write(dir.path(), &generated).unwrap();
    let name = path.display().to_string();
    let mut text = generated.toml.clone();
    assert!(text.len() > 1 << 20, "loaded in parts");
    let today = Some(argmap::model::Date::constant(2026, 11, 26));
    let cache = std::sync::Arc::new(argmap::check::Cache::default());
    let cached = |t: &str| {
        let options = argmap::check::Options {
            today,
            cache: Some(std::sync::Arc::clone(&cache)),
            ..Default::default()
        };
        argmap::check::check_with(&name, t.as_bytes(), &options)
    };
    let fresh = |t: &str| {
        let options = argmap::check::Options {
            today,
            ..Default::default()
        };
        argmap::check::check_with(&name, t.as_bytes(), &options)
    };
    assert_eq!(found(&cached(&text)), found(&fresh(&text)));
    assert!(cache.texts() > 0, "the texts are kept");
    // Twelve words of a text, copied into a claim.
    let (rel, body) = &generated.texts[0];
    let words: Vec<&str> = body.split_whitespace().skip(40).take(12).collect();
    let words = words.join(" ").replace(['"', '\\'], "");
    let claim = text.find("[claims.").unwrap();
    let at = claim + text[claim..].find("text = \"").unwrap() + 8;
    let end = at + text[at..].find('"').unwrap();
    text.replace_range(at..end, &words);
    let first = found(&cached(&text));
    assert_eq!(first, found(&fresh(&text)));
    assert!(first.contains("copied-text"), "the copy is found: {first}");
    // A typo in a reference, then a claim table removed (every later span
    // moves).
    text = text.replacen("supports = [\"c-", "supports = [\"x-", 1);
    assert_eq!(found(&cached(&text)), found(&fresh(&text)));
    let second = text[claim + 1..].find("\n[claims.").unwrap() + claim + 2;
    text.replace_range(claim..second, "");
    assert_eq!(found(&cached(&text)), found(&fresh(&text)));
    // A text rewritten: read again.
    std::fs::write(dir.path().join(rel), format!("{}\n\nA new closing paragraph of the text, with words no claim of the map has ever quoted.\n", body)).unwrap();
    let after = found(&cached(&text));
    assert_eq!(after, found(&fresh(&text)));
}

/// Sources from bibliography files: go to definition opens the entry in
/// its file, and a finding in a file is shown on the map, naming the file,
/// line and column.
#[test]
fn bibliography_files_are_reached_and_their_findings_shown() {
    let path = std::path::absolute("tests/fixtures/bibliography/map.toml").unwrap();
    let uri = uri_of(&path);
    let text = std::fs::read_to_string(&path).unwrap();
    let (mut c, _) = Client::start(&["utf-16"], json!({}));
    c.open(&uri, &text);
    let def = c
        .request(
            "textDocument/definition",
            doc(&uri, at(&text, "\"DBLP:books/ox/Segal20\"", 3)),
        )
        .unwrap();
    let bib = std::path::absolute("tests/fixtures/bibliography/refs.bib").unwrap();
    assert_eq!(def["uri"].as_str().unwrap(), uri_of(&bib), "{def}");
    let bib_text = std::fs::read_to_string(&bib).unwrap();
    let line = bib_text
        .lines()
        .position(|l| l.contains("DBLP:books/ox/Segal20"))
        .unwrap();
    assert_eq!(
        def["range"]["start"]["line"].as_u64().unwrap(),
        line as u64,
        "{def}"
    );
    let renamed = c.request(
        "textDocument/rename",
        json!({
            "textDocument": {"uri": uri},
            "position": at(&text, "\"DBLP:books/ox/Segal20\"", 3),
            "newName": "segal2020",
        }),
    );
    assert!(
        matches!(&renamed, Err((_, m)) if m.contains("a key of a bibliography file")),
        "{renamed:?}"
    );
    assert_eq!(c.shutdown(), Ended::Shutdown);

    let broken = std::path::absolute("tests/fixtures/bibliography/broken.toml").unwrap();
    let broken_uri = uri_of(&broken);
    let broken_text = std::fs::read_to_string(&broken).unwrap();
    let (mut c, _) = Client::start(&["utf-16"], json!({}));
    let published = c.open(&broken_uri, &broken_text);
    let in_files: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["message"].as_str())
        .filter(|m| m.contains("broken.bib:"))
        .collect();
    assert!(!in_files.is_empty(), "{published}");
    assert!(
        in_files.iter().all(|m| m
            .split("broken.bib:")
            .nth(1)
            .unwrap()
            .split(':')
            .next()
            .unwrap()
            .parse::<usize>()
            .is_ok()),
        "{in_files:?}"
    );
    assert_eq!(c.shutdown(), Ended::Shutdown);
}
