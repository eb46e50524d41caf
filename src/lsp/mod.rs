//! `argmap lsp`: a language server for maps, over a [`Connection`] that
//! the binary makes (stdio) or a test makes (in memory). It checks each
//! open map as `check` does, with the project file beside it, and answers
//! from the check: diagnostics, quick fixes, definitions and references,
//! hover, completion, rename and the outline.
//!
//! The server is one loop on one thread. Edits are coalesced: a change is
//! applied at once, but the map is checked again only when no message is
//! waiting (or when a request needs the check), so that a burst of
//! keystrokes costs one check. Each open map keeps a [`Cache`] between its
//! checks: the parts of its file an edit did not change are not parsed
//! again, and its source texts, and the index of their words, are not read
//! and built again while their files are unchanged.

mod actions;
mod analysis;
mod complete;
mod hover;
mod navigate;
pub mod position;
mod symbols;
pub mod transport;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use lsp_server::{Connection, Message};
use lsp_server::{ErrorCode, Notification, Request, RequestId, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions,
    HoverProviderCapability, OneOf, PositionEncodingKind, RenameOptions, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions, Uri,
    WorkDoneProgressOptions,
};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::app;
use crate::check::{Cache, Options, Scope};
use crate::diag::{Level, Levels};
use crate::load::project::{self, Project};
use crate::model::Date;
use crate::texts::TextOptions;

pub use analysis::Analysis;
use position::Encoding;

/// What the binary gives the server.
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// The date `accessed-date` takes as today (`ARGMAP_TODAY`); `None`:
    /// the system clock's.
    pub today: Option<Date>,
}

/// What the client may set in `initializationOptions`: the command line's
/// `--text`, `-A/-W/-D`, `--allow-outside-texts` and `--no-project`.
#[derive(Clone, Debug, Default)]
struct ClientOptions {
    /// `"texts": {"id": "path"}`: over the project's and the map's.
    texts: Vec<(String, PathBuf)>,
    /// `"levels": {"code": "warn"}`: over the project's and the map's.
    levels: Levels,
    /// `"allowOutsideTexts": true`.
    allow_outside: bool,
    /// `"noProject": true`.
    no_project: bool,
}

/// One open document.
struct Doc {
    /// Its path, for a `file:` URI.
    path: Option<PathBuf>,
    /// Its text, as the editor has it.
    text: String,
    /// The version the editor gave it.
    version: i32,
    /// Whether it was edited since its last check.
    stale: bool,
    /// Its last check (`None` for a project file, which is parsed, not
    /// checked).
    analysis: Option<Arc<Analysis>>,
    /// Its last check in which it was TOML, whose ids completion offers
    /// while the text at the cursor is not TOML yet.
    last_toml: Option<Arc<Analysis>>,
    /// What its last check kept for the next.
    cache: Arc<Cache>,
}

impl Doc {
    /// Whether it is a project file.
    fn is_project(&self) -> bool {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .is_some_and(|n| n == project::FILE_NAME)
    }

    /// Its name in messages: its path, else its URI.
    fn name(&self, uri: &Uri) -> String {
        self.path
            .as_deref()
            .map_or_else(|| uri.as_str().to_owned(), |p| p.display().to_string())
    }
}

/// The server's state.
struct Server<'c> {
    connection: &'c Connection,
    encoding: Encoding,
    client: ClientOptions,
    settings: Settings,
    docs: HashMap<Uri, Doc>,
    /// Project files whose findings were published, so that they are
    /// cleared once fixed.
    published_projects: Vec<Uri>,
    /// Whether the client asked for `shutdown`.
    shutting_down: bool,
}

/// How the server's run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// The client asked it to shut down, then to exit: exit code 0.
    Shutdown,
    /// The client asked it to exit without shutting it down first, or went
    /// away: exit code 1, as the protocol says.
    Exit,
}

/// The method of the notification the transport sends the server for a
/// message it could not read (which the server tells the client about).
pub const UNREADABLE: &str = "argmap/unreadable";

/// Runs the server on `connection` until the client shuts it down or goes
/// away. A message the server cannot read is answered with an error (a
/// request) or told in the client's log (a notification); the server never
/// stops on one.
pub fn serve(connection: &Connection, settings: Settings) -> Ended {
    let mut server = Server {
        connection,
        encoding: Encoding::Utf16,
        client: ClientOptions::default(),
        settings,
        docs: HashMap::new(),
        published_projects: Vec::new(),
        shutting_down: false,
    };
    // Before `initialize`, requests are refused, as the protocol says.
    let (id, params) = loop {
        let Ok(message) = connection.receiver.recv() else {
            return Ended::Exit;
        };
        match message {
            Message::Request(req) if req.method == "initialize" => break (req.id, req.params),
            Message::Request(req) => server.send(Message::Response(Response::new_err(
                req.id,
                ErrorCode::ServerNotInitialized as i32,
                "argmap: the server is not initialized yet".to_owned(),
            ))),
            Message::Notification(n) if n.method == "exit" => return Ended::Exit,
            Message::Notification(n) => server.notification(n),
            Message::Response(_) => {}
        }
    };
    server.encoding = negotiate(&params);
    let (client, problems) = client_options(&params);
    server.client = client;
    let result = serde_json::json!({
        "capabilities": capabilities(server.encoding),
        "serverInfo": { "name": "argmap", "version": env!("CARGO_PKG_VERSION") },
    });
    server.send(Message::Response(Response::new_ok(id, result)));
    for p in problems {
        server.show_message(lsp_types::MessageType::ERROR, p);
    }
    server.run()
}

/// UTF-8 when the client offers it, else UTF-16 (the protocol's default).
fn negotiate(params: &Value) -> Encoding {
    let offered = params
        .pointer("/capabilities/general/positionEncodings")
        .and_then(Value::as_array);
    let utf8 = offered.is_some_and(|list| {
        list.iter()
            .any(|e| e.as_str() == Some(PositionEncodingKind::UTF8.as_str()))
    });
    if utf8 {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                ..Default::default()
            },
        )),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["\"".into(), "[".into(), ",".into()]),
            ..Default::default()
        }),
        rename_provider: Some(OneOf::Right(RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: WorkDoneProgressOptions::default(),
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..Default::default()
        })),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..Default::default()
    }
}

/// The client's `initializationOptions`, and what is wrong in them (each
/// said to the user once; the rest is used).
fn client_options(params: &Value) -> (ClientOptions, Vec<String>) {
    let mut out = ClientOptions::default();
    let mut problems = Vec::new();
    let Some(options) = params.get("initializationOptions").filter(|v| !v.is_null()) else {
        return (out, problems);
    };
    let root = params
        .get("rootUri")
        .and_then(Value::as_str)
        .and_then(|u| u.parse::<Uri>().ok())
        .and_then(|u| file_path(&u));
    let Some(options) = options.as_object() else {
        problems.push("argmap: `initializationOptions` must be an object".to_owned());
        return (out, problems);
    };
    for (key, value) in options {
        match (key.as_str(), value) {
            ("texts", Value::Object(texts)) => {
                for (id, path) in texts {
                    match path.as_str() {
                        Some(p) if !p.is_empty() => {
                            let p = Path::new(p);
                            let p = match (&root, p.is_relative()) {
                                (Some(root), true) => root.join(p),
                                _ => p.to_path_buf(),
                            };
                            out.texts.push((id.clone(), p));
                        }
                        _ => problems.push(format!(
                            "argmap: the text of `{id}` in `initializationOptions` must be a path"
                        )),
                    }
                }
            }
            ("levels", Value::Object(levels)) => {
                for (code, level) in levels {
                    let Some(level) = level.as_str().and_then(Level::parse) else {
                        problems.push(format!(
                            "argmap: the level of `{code}` in `initializationOptions` must be \"allow\", \"warn\" or \"error\""
                        ));
                        continue;
                    };
                    if let Err(e) = out.levels.set_named(code, level) {
                        problems.push(format!("argmap: `initializationOptions`: {e}"));
                    }
                }
            }
            ("allowOutsideTexts", Value::Bool(b)) => out.allow_outside = *b,
            ("noProject", Value::Bool(b)) => out.no_project = *b,
            (key @ ("texts" | "levels"), _) => {
                problems.push(format!(
                    "argmap: `{key}` in `initializationOptions` must be an object"
                ));
            }
            (key @ ("allowOutsideTexts" | "noProject"), _) => {
                problems.push(format!(
                    "argmap: `{key}` in `initializationOptions` must be true or false"
                ));
            }
            (key, _) => {
                let known = ["texts", "levels", "allowOutsideTexts", "noProject"];
                let hint = crate::suggest::closest(key, known)
                    .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
                problems.push(format!(
                    "argmap: unknown key `{key}` in `initializationOptions`{hint}"
                ));
            }
        }
    }
    (out, problems)
}

/// The path of a `file:` URI.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    url::Url::parse(uri.as_str()).ok()?.to_file_path().ok()
}

/// The `file:` URI of a path.
pub fn file_uri(path: &Path) -> Option<Uri> {
    let path = std::path::absolute(path).ok()?;
    url::Url::from_file_path(path).ok()?.as_str().parse().ok()
}

/// Whether the analysis is of a map: a TOML file that has none of the
/// format's tables (a `Cargo.toml` in the same folder) is left alone.
fn is_map(analysis: &Analysis) -> bool {
    let Some(map) = analysis.map() else {
        // Not TOML: its syntax errors are worth showing.
        return true;
    };
    analysis.source().trim().is_empty()
        || map.meta.span != (0..0)
        || !map.lints.is_empty()
        || !map.claims.is_empty()
        || !map.sources.is_empty()
        || !map.sections.is_empty()
        || !map.actors.is_empty()
        || !map.arguments.is_empty()
}

impl Server<'_> {
    fn run(&mut self) -> Ended {
        loop {
            let message = if self.docs.values().any(|d| d.stale) {
                match self.connection.receiver.try_recv() {
                    Ok(m) => m,
                    Err(e) if e.is_empty() => {
                        self.check_stale();
                        continue;
                    }
                    Err(_) => return Ended::Exit,
                }
            } else {
                match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ended::Exit,
                }
            };
            match message {
                Message::Request(req) if self.shutting_down => {
                    self.send(Message::Response(Response::new_err(
                        req.id,
                        ErrorCode::InvalidRequest as i32,
                        "argmap: the server is shutting down".to_owned(),
                    )));
                }
                Message::Request(req) if req.method == "shutdown" => {
                    self.shutting_down = true;
                    self.send(Message::Response(Response::new_ok(req.id, Value::Null)));
                }
                Message::Request(req) => {
                    let response = self.request(req);
                    self.send(Message::Response(response));
                }
                Message::Notification(n) if n.method == "exit" => {
                    return if self.shutting_down {
                        Ended::Shutdown
                    } else {
                        Ended::Exit
                    };
                }
                Message::Notification(n) => self.notification(n),
                Message::Response(_) => {}
            }
        }
    }

    fn send(&self, message: Message) {
        // The client went away: the loop ends at the next receive.
        self.connection.sender.send(message).ok();
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Message::Notification(Notification::new(
            N::METHOD.to_owned(),
            params,
        )));
    }

    fn show_message(&self, typ: lsp_types::MessageType, message: String) {
        self.notify::<lsp_types::notification::ShowMessage>(lsp_types::ShowMessageParams {
            typ,
            message,
        });
    }

    fn notification(&mut self, n: Notification) {
        use lsp_types::notification::{
            DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, Notification as _,
        };
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidOpenTextDocumentParams>(n.params)
                else {
                    return;
                };
                let d = p.text_document;
                let path = file_path(&d.uri);
                let doc = Doc {
                    path,
                    text: d.text,
                    version: d.version,
                    stale: true,
                    analysis: None,
                    last_toml: None,
                    cache: Arc::default(),
                };
                let project = doc.is_project();
                self.docs.insert(d.uri, doc);
                if project {
                    self.project_edited();
                }
            }
            DidChangeTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidChangeTextDocumentParams>(n.params)
                else {
                    return;
                };
                let encoding = self.encoding;
                let Some(doc) = self.docs.get_mut(&p.text_document.uri) else {
                    return;
                };
                for change in p.content_changes {
                    match change.range {
                        Some(range) => {
                            let lines = position::LineIndex::new(&doc.text, encoding);
                            let span = lines.span(&doc.text, range);
                            doc.text.replace_range(span, &change.text);
                        }
                        None => doc.text = change.text,
                    }
                }
                doc.version = p.text_document.version;
                doc.stale = true;
                if doc.is_project() {
                    self.project_edited();
                }
            }
            DidCloseTextDocument::METHOD => {
                let Ok(p) =
                    serde_json::from_value::<lsp_types::DidCloseTextDocumentParams>(n.params)
                else {
                    return;
                };
                if let Some(doc) = self.docs.remove(&p.text_document.uri) {
                    self.publish(p.text_document.uri, Vec::new(), None);
                    if doc.is_project() {
                        self.project_edited();
                    }
                }
            }
            UNREADABLE => {
                let why = n.params.as_str().unwrap_or("").to_owned();
                self.notify::<lsp_types::notification::LogMessage>(lsp_types::LogMessageParams {
                    typ: lsp_types::MessageType::ERROR,
                    message: format!("argmap: a message was not read: {why}"),
                });
            }
            // `initialized`, `$/cancelRequest` (every request is answered
            // at once), `didSave` (the text came with the changes),
            // configuration: nothing to do.
            _ => {}
        }
    }

    /// A project file was opened, edited or closed: every map is checked
    /// again, with the project as the editor has it (or, once closed, as
    /// its file has it).
    fn project_edited(&mut self) {
        for d in self.docs.values_mut() {
            d.stale = true;
        }
    }

    /// Checks every document edited since its last check, and publishes
    /// its findings.
    fn check_stale(&mut self) {
        let stale: Vec<Uri> = self
            .docs
            .iter()
            .filter(|(_, d)| d.stale)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in stale {
            self.analysis(&uri);
        }
    }

    /// The current analysis of `uri`, checked now if it was edited.
    fn analysis(&mut self, uri: &Uri) -> Option<Arc<Analysis>> {
        let doc = self.docs.get(uri)?;
        if !doc.stale {
            return doc.analysis.clone();
        }
        let name = doc.name(uri);
        let version = doc.version;
        if doc.is_project() {
            // A project file is parsed, not checked: its findings are
            // published, and the maps are checked with it.
            let (p, findings) = project::parse(&name, doc.text.as_bytes());
            let lines = position::LineIndex::new(&doc.text, self.encoding);
            let start = p.file.text_start;
            let diagnostics = findings
                .iter()
                .map(|d| {
                    actions::to_lsp(d, uri, &|s| {
                        lines.range(&doc.text, &(s.start + start..s.end + start))
                    })
                })
                .collect();
            if let Some(d) = self.docs.get_mut(uri) {
                d.stale = false;
                d.analysis = None;
            }
            self.publish(uri.clone(), diagnostics, Some(version));
            return None;
        }
        let path = doc.path.clone();
        let text = doc.text.clone();
        let cache = Arc::clone(&doc.cache);
        let (mut options, project_note) = self.options_for(path.as_deref());
        options.cache = Some(cache);
        let checked = crate::check::check_owned(&name, text.clone().into_bytes(), &options);
        let analysis = Arc::new(Analysis::new(text, checked, self.encoding));
        if let Some(d) = self.docs.get_mut(uri) {
            d.stale = false;
            d.analysis = Some(Arc::clone(&analysis));
            if analysis.map().is_some() {
                d.last_toml = Some(Arc::clone(&analysis));
            }
        }
        let mut diagnostics = if is_map(&analysis) {
            actions::diagnostics(&analysis, uri)
        } else {
            Vec::new()
        };
        if let Some(note) = project_note {
            diagnostics.push(note);
        }
        self.publish(uri.clone(), diagnostics, Some(version));
        Some(analysis)
    }

    fn publish(&self, uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        self.notify::<lsp_types::notification::PublishDiagnostics>(
            lsp_types::PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            },
        );
    }

    /// How to check the map at `path`: the client's options over the
    /// project file's; and, when the project file has problems, a
    /// diagnostic that says it is not used (its findings are published on
    /// the project file itself).
    fn options_for(&mut self, path: Option<&Path>) -> (Options, Option<lsp_types::Diagnostic>) {
        let mut options = Options {
            levels: self.client.levels.clone(),
            project_levels: Levels::default(),
            texts: TextOptions {
                overrides: self.client.texts.clone(),
                allow_outside: self.client.allow_outside,
                project: Vec::new(),
            },
            today: self.settings.today,
            scope: Scope::Everything,
            cache: None,
        };
        let Some(path) = path.filter(|_| !self.client.no_project) else {
            return (options, None);
        };
        let Some(found) = app::find_project(path) else {
            return (options, None);
        };
        let full = std::path::absolute(&found).unwrap_or_else(|_| found.clone());
        // The project as the editor has it, when it is open.
        let open = self
            .docs
            .values()
            .find(|d| d.path.as_deref() == Some(full.as_path()))
            .map(|d| d.text.clone());
        let shown = found.display().to_string();
        let parsed = match open {
            Some(text) => Ok(project::parse(&shown, text.as_bytes())),
            None => app::read_project(&found),
        };
        let problem = |message: String| {
            Some(lsp_types::Diagnostic {
                range: lsp_types::Range::default(),
                severity: Some(lsp_types::DiagnosticSeverity::WARNING),
                source: Some("argmap".to_owned()),
                message,
                ..Default::default()
            })
        };
        let uri = file_uri(&full);
        match parsed {
            Ok((p, findings)) if findings.is_empty() => {
                if let Some(uri) = uri.filter(|u| self.published_projects.contains(u)) {
                    self.published_projects.retain(|u| *u != uri);
                    if !self.docs.contains_key(&uri) {
                        self.publish(uri, Vec::new(), None);
                    }
                }
                let found = app::FoundProject {
                    path: full,
                    project: p,
                };
                options.project_levels = found.project.levels();
                options.texts.project = found.text_paths();
                (options, None)
            }
            Ok((p, findings)) => {
                if let Some(uri) = uri
                    && !self.docs.contains_key(&uri)
                {
                    self.publish_project(&uri, &p, &findings);
                }
                let message = format!(
                    "the project file `{shown}` is not used while it has {}",
                    crate::english::count(findings.len(), "problem")
                );
                (options, problem(message))
            }
            Err(e) => (options, problem(e.to_string())),
        }
    }

    /// Publishes the findings of a project file that is not open.
    fn publish_project(&mut self, uri: &Uri, p: &Project, findings: &[crate::diag::Diagnostic]) {
        let text = &p.file.text;
        let lines = position::LineIndex::new(text, self.encoding);
        let diagnostics = findings
            .iter()
            .map(|d| actions::to_lsp(d, uri, &|s| lines.range(text, s)))
            .collect();
        if !self.published_projects.contains(uri) {
            self.published_projects.push(uri.clone());
        }
        self.publish(uri.clone(), diagnostics, None);
    }

    fn request(&mut self, req: Request) -> Response {
        use lsp_types::request::{
            CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest,
            PrepareRenameRequest, References, Rename, Request as _,
        };
        let id = req.id.clone();
        match req.method.as_str() {
            GotoDefinition::METHOD => {
                self.answer(req, |a, p: lsp_types::GotoDefinitionParams, uri| {
                    navigate::definition(a, &p.text_document_position_params, uri)
                })
            }
            References::METHOD => self.answer(req, |a, p: lsp_types::ReferenceParams, uri| {
                navigate::references(a, &p, uri)
            }),
            HoverRequest::METHOD => self.answer(req, |a, p: lsp_types::HoverParams, _| {
                hover::hover(a, &p.text_document_position_params)
            }),
            Completion::METHOD => {
                let Some(params) = parse::<lsp_types::CompletionParams>(&req) else {
                    return invalid_params(id);
                };
                let uri = &params.text_document_position.text_document.uri;
                // The place from the text as typed; the ids from the last
                // check in which the map was TOML (checked now, if edited).
                self.analysis(uri);
                let Some(doc) = self.docs.get(uri) else {
                    return Response::new_ok(id, Value::Null);
                };
                let lines = position::LineIndex::new(&doc.text, self.encoding);
                let list = complete::complete(
                    &doc.text,
                    &lines,
                    doc.last_toml.as_deref(),
                    &params.text_document_position,
                );
                Response::new_ok(id, list)
            }
            PrepareRenameRequest::METHOD => self
                .answer(req, |a, p: lsp_types::TextDocumentPositionParams, _| {
                    navigate::prepare_rename(a, &p)
                }),
            Rename::METHOD => {
                let Some(params) = parse::<lsp_types::RenameParams>(&req) else {
                    return invalid_params(id);
                };
                let uri = params.text_document_position.text_document.uri.clone();
                let Some(a) = self.analysis(&uri) else {
                    return Response::new_ok(id, Value::Null);
                };
                match navigate::rename(&a, &params, &uri) {
                    Ok(edit) => Response::new_ok(id, edit),
                    Err(message) => {
                        Response::new_err(id, ErrorCode::InvalidRequest as i32, message)
                    }
                }
            }
            CodeActionRequest::METHOD => self
                .answer(req, |a, p: lsp_types::CodeActionParams, uri| {
                    actions::code_actions(a, &p, uri)
                }),
            DocumentSymbolRequest::METHOD => self
                .answer(req, |a, _: lsp_types::DocumentSymbolParams, _| {
                    symbols::symbols(a)
                }),
            _ => Response::new_err(
                id,
                ErrorCode::MethodNotFound as i32,
                format!("argmap does not answer `{}`", req.method),
            ),
        }
    }

    /// Answers a request about one document: its params read as `P`, and
    /// `f` given the document's current analysis; `null` for a document
    /// that is not open.
    fn answer<P, R>(
        &mut self,
        req: Request,
        f: impl FnOnce(&Analysis, P, &Uri) -> Option<R>,
    ) -> Response
    where
        P: DeserializeOwned + HasUri,
        R: serde::Serialize,
    {
        let Some(params) = parse::<P>(&req) else {
            return invalid_params(req.id);
        };
        let uri = params.uri().clone();
        let result = self.analysis(&uri).and_then(|a| f(&a, params, &uri));
        match result {
            Some(r) => Response::new_ok(req.id, r),
            None => Response::new_ok(req.id, Value::Null),
        }
    }
}

fn parse<P: DeserializeOwned>(req: &Request) -> Option<P> {
    serde_json::from_value(req.params.clone()).ok()
}

fn invalid_params(id: RequestId) -> Response {
    Response::new_err(
        id,
        ErrorCode::InvalidParams as i32,
        "argmap cannot read the parameters of this request".to_owned(),
    )
}

/// The document a request is about.
trait HasUri {
    fn uri(&self) -> &Uri;
}

macro_rules! has_uri {
    ($($t:ty => |$p:ident| $e:expr),* $(,)?) => {
        $(impl HasUri for $t {
            fn uri(&self) -> &Uri {
                let $p = self;
                $e
            }
        })*
    };
}

has_uri! {
    lsp_types::GotoDefinitionParams => |p| &p.text_document_position_params.text_document.uri,
    lsp_types::ReferenceParams => |p| &p.text_document_position.text_document.uri,
    lsp_types::HoverParams => |p| &p.text_document_position_params.text_document.uri,
    lsp_types::CompletionParams => |p| &p.text_document_position.text_document.uri,
    lsp_types::TextDocumentPositionParams => |p| &p.text_document.uri,
    lsp_types::CodeActionParams => |p| &p.text_document.uri,
    lsp_types::DocumentSymbolParams => |p| &p.text_document.uri,
}
