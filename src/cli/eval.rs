//! `argmap eval`: label every claim and argument of a map accepted,
//! rejected or undecided, under grounded or evidence-aware semantics, and
//! print the labels (of every claim, or of one actor's).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{Outcome, SUCCESS, TextArgs, input, output};
use argmap::app::Error;
use argmap::eval::{self, Evidence, Semantics};
use argmap::model::{Kind, Map};
use argmap::report::labels;

pub const EXAMPLES: &str = "\
Examples:
  argmap eval examples/bridge.toml              labels grouped: accepted, rejected, undecided
  argmap eval --format json examples/bridge.toml  {\"semantics\": \"grounded\", \"labels\": {\"<id>\": \"accepted\", ...}}
  argmap eval --semantics evidence examples/bridge.toml   what stands on verified evidence
  argmap eval --by engineer examples/bridge.toml   which of an actor's positions stand

Semantics grounded (the default): a claim is rejected when an accepted claim
attacks it, accepted when every claim that attacks it is rejected, undecided
otherwise. Support never attacks, and has no force.
Semantics evidence: a claim is accepted only when verified evidence (a citation
of a sound source whose quotes verify), an accepted supporter or an accepted
argument grounds it, and every attacker is rejected; rejected when an accepted
claim attacks it. It runs the full check, reading the source texts (--text).
Under both, an argument is rejected when a premise is rejected or an accepted
claim undercuts it, accepted when it has premises, all accepted, and its
undercutters rejected. A map with errors is evaluated anyway, with a warning.";

/// Arguments of `argmap eval`.
#[derive(Args, Debug)]
pub struct EvalArgs {
    /// The map file to evaluate.
    #[arg(value_name = "MAP")]
    map: PathBuf,

    /// Output format of the labels, on stdout.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,

    /// Which semantics labels the claims.
    #[arg(long, value_enum, default_value_t = SemanticsArg::Grounded)]
    semantics: SemanticsArg,

    /// Only the claims of this actor (`[actors.<id>]`, claims' `by`): which
    /// of its positions stand.
    #[arg(long, value_name = "ACTOR")]
    by: Option<String>,

    #[command(flatten)]
    texts: TextArgs,
}

/// Output format of the labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// the semantics, the thesis, then claims and arguments grouped by label, then counts
    Human,
    /// one JSON object: {"semantics": "grounded", "labels": {"<id>": "<label>", ...}, ...}
    Json,
}

/// The semantics, on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SemanticsArg {
    /// a claim stands unless an objection stands; support has no force
    Grounded,
    /// a claim stands only on verified evidence or accepted support, and when every objection falls
    Evidence,
}

/// Runs `eval`; returns the exit code.
pub fn run(args: &EvalArgs) -> Outcome {
    let evaluation_of = |usable: &input::Usable| match args.semantics {
        SemanticsArg::Grounded => eval::evaluate(&usable.map, &usable.graph),
        SemanticsArg::Evidence => {
            let evidence = Evidence::of(
                &usable.map,
                &usable.graph.resolved,
                &usable.report.diagnostics,
                &usable.texts,
            );
            note_unchecked(&usable.map, &evidence);
            note_unread_document(usable);
            eval::evaluate_with(&usable.map, &usable.graph, Semantics::Evidence, &evidence)
        }
    };
    let usable = match args.semantics {
        SemanticsArg::Grounded => {
            let usable = input::load_usable(&args.map, None)?;
            if args.texts.given() {
                output::eprint(
                    "note: `argmap eval` reads no source texts under grounded semantics: `--text` \
                     and `--allow-outside-texts` are ignored; `--semantics evidence` reads them\n",
                );
            }
            usable
        }
        SemanticsArg::Evidence => input::load_usable(&args.map, Some(&args.texts))?,
    };
    let (map, graph) = (&usable.map, &usable.graph);
    let actor = args.by.as_deref().map(|id| actor(map, id)).transpose()?;
    let evaluation = evaluation_of(&usable);
    let out = match (args.format, actor) {
        (Format::Human, None) => labels::human(map, graph, &evaluation),
        (Format::Human, Some(a)) => labels::human_by(map, graph, &evaluation, a),
        (Format::Json, None) => labels::json(map, graph, &evaluation),
        (Format::Json, Some(a)) => labels::json_by(map, graph, &evaluation, a),
    };
    output::print(&out, "the labels")?;
    Ok(SUCCESS)
}

/// The actor `--by` names, or why it names none.
fn actor(map: &Map, id: &str) -> Result<usize, Error> {
    match map.lookup(id) {
        Some(r) if r.kind == Kind::Actor => Ok(r.index),
        Some(r) => Err(
            Error::failed(format!("`{id}` is {}, not an actor", r.kind.a()))
                .with_help("`--by` takes the id of an actor, as in `[actors.<id>]`"),
        ),
        None => {
            let err = Error::failed(format!("the map has no actor `{id}`"));
            Err(
                match argmap::suggest::closest(id, map.ids_of(Kind::Actor)) {
                    Some(s) => err.with_help(format!("did you mean `{s}`?")),
                    None if map.actors.is_empty() => err.with_help(
                        "the map has no `[actors]`: a claim names who holds it with `by`",
                    ),
                    None => err.with_help("actor ids are the keys of `[actors.<id>]`"),
                },
            )
        }
    }
}

/// Says, in one line, that quotes whose source text was not read were not
/// checked, and so are not verified evidence.
/// Says, under evidence semantics, when the map's document was not read:
/// then no citation was checked against its text and reference list, and
/// every citation of a sound source counts.
fn note_unread_document(usable: &input::Usable) {
    let Some(d) = usable.graph.resolved.document else {
        return;
    };
    if usable.texts.get(d).is_some() {
        return;
    }
    let id = usable.map.sources.get(d).map_or("", |s| s.id.as_str());
    output::eprint(&format!(
        "note: the document `{id}` was not read, so no citation was checked against its text and \
         reference list: each citation of a source counts as evidence unless `check` impeaches \
         it without the text (`--text {id}=PATH` gives the document's text)\n"
    ));
}

fn note_unchecked(map: &Map, evidence: &Evidence) {
    if evidence.unchecked_quotes == 0 {
        return;
    }
    let ids: Vec<String> = evidence
        .unchecked_sources
        .iter()
        .filter_map(|&s| map.sources.get(s))
        .map(|s| format!("`{}`", s.id.as_str()))
        .collect();
    let n = evidence.unchecked_quotes;
    output::eprint(&format!(
        "note: quotes not checked: no text of {} was read, so {} {} not verified evidence \
         (`--text ID=PATH` gives a source's text)\n",
        argmap::english::or_list(&ids),
        argmap::english::count(n, "quoted citation"),
        argmap::english::either(n, "is", "are"),
    ));
}
