//! `argmap eval` and `argmap::eval`: grounded labels on the textbook cases,
//! long chains without recursion, and the command's output.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::fmt::Write as _;

use argmap::eval::{Counts, Evaluation, Label, Reason, Role, evaluate};
use argmap::graph::Node;
use argmap::model::Map;

use Label::{Accepted as A, Rejected as R, Undecided as U};

mod common;

/// A map of `claims` (id, what it attacks) and `arguments` (id, premises,
/// conclusion), as TOML.
fn toml(claims: &[(&str, &[&str])], arguments: &[(&str, &[&str], &str)]) -> String {
    let mut s = String::from("[map]\ntitle = \"t\"\n");
    for (id, attacks) in claims {
        let attacks: Vec<String> = attacks.iter().map(|a| format!("{a:?}")).collect();
        write!(
            s,
            "[claims.{id}]\ntext = \"claim {id}\"\nattacks = [{}]\n",
            attacks.join(", ")
        )
        .unwrap();
    }
    for (id, premises, conclusion) in arguments {
        let premises: Vec<String> = premises.iter().map(|p| format!("{p:?}")).collect();
        write!(
            s,
            "[arguments.{id}]\npremises = [{}]\nconclusion = {conclusion:?}\n",
            premises.join(", ")
        )
        .unwrap();
    }
    s
}

/// Checks and evaluates the map in `src`.
fn eval_src(src: &str) -> (Map, Evaluation) {
    let checked = argmap::check::check("x.toml", src.as_bytes(), &Default::default());
    let map = checked.map.expect("the map is TOML");
    let graph = checked.graph.expect("a graph");
    let evaluation = evaluate(&map, &graph);
    assert_eq!(evaluation.claims.len(), map.claims.len());
    assert_eq!(evaluation.arguments.len(), map.arguments.len());
    (map, evaluation)
}

/// Every claim and argument id with its label, in file order.
fn labels(map: &Map, e: &Evaluation) -> Vec<(String, Label)> {
    let claims = map.claims.iter().map(|c| c.id.value.clone());
    let arguments = map.arguments.iter().map(|a| a.id.value.clone());
    claims
        .chain(arguments)
        .zip(e.claims.iter().chain(&e.arguments).copied())
        .collect()
}

/// Asserts the exact labels of every claim and argument.
fn assert_labels(
    claims: &[(&str, &[&str])],
    arguments: &[(&str, &[&str], &str)],
    expected: &[(&str, Label)],
) {
    let (map, e) = eval_src(&toml(claims, arguments));
    let expected: Vec<(String, Label)> = expected
        .iter()
        .map(|(id, l)| ((*id).to_owned(), *l))
        .collect();
    assert_eq!(labels(&map, &e), expected);
}

#[test]
fn unattacked_claim_is_accepted() {
    assert_labels(&[("a", &[])], &[], &[("a", A)]);
}

#[test]
fn simple_rebuttal() {
    assert_labels(&[("a", &["b"]), ("b", &[])], &[], &[("a", A), ("b", R)]);
}

#[test]
fn reinstatement() {
    assert_labels(
        &[("a", &[]), ("b", &["a"]), ("c", &["b"])],
        &[],
        &[("a", A), ("b", R), ("c", A)],
    );
}

#[test]
fn even_cycle_is_undecided() {
    assert_labels(&[("a", &["b"]), ("b", &["a"])], &[], &[("a", U), ("b", U)]);
}

#[test]
fn odd_cycle_is_undecided() {
    assert_labels(
        &[("a", &["b"]), ("b", &["c"]), ("c", &["a"])],
        &[],
        &[("a", U), ("b", U), ("c", U)],
    );
}

#[test]
fn an_accepted_attacker_breaks_a_cycle() {
    // d rejects a; b's one attacker is then rejected, so b is accepted,
    // which rejects c.
    assert_labels(
        &[("a", &["b"]), ("b", &["c"]), ("c", &["a"]), ("d", &["a"])],
        &[],
        &[("a", R), ("b", A), ("c", R), ("d", A)],
    );
}

#[test]
fn self_attack_is_undecided() {
    assert_labels(&[("a", &["a"])], &[], &[("a", U)]);
}

#[test]
fn self_attack_attacked_by_an_accepted_claim_is_rejected() {
    assert_labels(&[("a", &["a"]), ("b", &["a"])], &[], &[("a", R), ("b", A)]);
}

#[test]
fn undecided_attacker_makes_its_target_undecided() {
    assert_labels(
        &[("a", &["a", "b"]), ("b", &["c"]), ("c", &[])],
        &[],
        &[("a", U), ("b", U), ("c", U)],
    );
}

#[test]
fn undercut_rejects_the_argument_only() {
    assert_labels(
        &[("p", &[]), ("q", &[]), ("c", &[]), ("u", &["arg"])],
        &[("arg", &["p", "q"], "c")],
        &[("p", A), ("q", A), ("c", A), ("u", A), ("arg", R)],
    );
}

#[test]
fn rejected_premise_rejects_the_argument() {
    assert_labels(
        &[("p", &[]), ("q", &[]), ("c", &[]), ("x", &["q"])],
        &[("arg", &["p", "q"], "c")],
        &[("p", A), ("q", R), ("c", A), ("x", A), ("arg", R)],
    );
}

#[test]
fn undecided_premise_makes_the_argument_undecided() {
    assert_labels(
        &[("p", &[]), ("q", &["r"]), ("r", &["q"]), ("c", &[])],
        &[("arg", &["p", "q"], "c")],
        &[("p", A), ("q", U), ("r", U), ("c", A), ("arg", U)],
    );
}

#[test]
fn rejected_undercutter_leaves_the_argument_accepted() {
    assert_labels(
        &[("p", &[]), ("c", &[]), ("u", &["arg"]), ("v", &["u"])],
        &[("arg", &["p"], "c")],
        &[("p", A), ("c", A), ("u", R), ("v", A), ("arg", A)],
    );
}

#[test]
fn undecided_undercutter_makes_the_argument_undecided() {
    assert_labels(
        &[("p", &[]), ("c", &[]), ("u", &["arg", "u"])],
        &[("arg", &["p"], "c")],
        &[("p", A), ("c", A), ("u", U), ("arg", U)],
    );
}

#[test]
fn rejected_premise_wins_over_an_undecided_undercutter() {
    assert_labels(
        &[("p", &[]), ("x", &["p"]), ("c", &[]), ("u", &["arg", "u"])],
        &[("arg", &["p"], "c")],
        &[("p", R), ("x", A), ("c", A), ("u", U), ("arg", R)],
    );
}

#[test]
fn support_never_attacks() {
    // `a` supports `b`; rejecting `a` leaves `b` accepted, and a rejected
    // argument leaves its conclusion accepted.
    let src = "[map]\ntitle = \"t\"\n\
        [claims.a]\ntext = \"a\"\nsupports = [\"b\"]\n\
        [claims.b]\ntext = \"b\"\n\
        [claims.x]\ntext = \"x\"\nattacks = [\"a\"]\n\
        [arguments.arg]\npremises = [\"a\"]\nconclusion = \"b\"\n";
    let (map, e) = eval_src(src);
    assert_eq!(
        labels(&map, &e),
        [
            ("a".to_owned(), R),
            ("b".to_owned(), A),
            ("x".to_owned(), A),
            ("arg".to_owned(), R)
        ]
    );
}

#[test]
fn unresolved_references_are_ignored() {
    assert_labels(
        &[("a", &["nowhere"]), ("b", &["a"])],
        &[("arg", &["missing", "a"], "b")],
        &[("a", R), ("b", A), ("arg", R)],
    );
}

#[test]
fn an_attack_written_twice_counts_once_per_entry() {
    // `a` is rejected by `c`, and both of its attacks on `b` fall with it.
    assert_labels(
        &[("a", &["b", "b"]), ("b", &[]), ("c", &["a"])],
        &[],
        &[("a", R), ("b", A), ("c", A)],
    );
}

/// A chain of `n` claims, each attacking the one written before it, so the
/// only unattacked claim is the last one written; with `self_attack`, that
/// last claim attacks itself too.
fn chain(n: usize, self_attack: bool) -> String {
    let mut s = String::from("[map]\ntitle = \"chain\"\n[claims.c0]\ntext = \"c0\"\n");
    for i in 1..n {
        let itself = if self_attack && i == n - 1 {
            format!(", \"c{i}\"")
        } else {
            String::new()
        };
        write!(
            s,
            "[claims.c{i}]\ntext = \"c{i}\"\nattacks = [\"c{}\"{itself}]\n",
            i - 1
        )
        .unwrap();
    }
    s
}

/// Evaluates on a thread with a small stack: recursion as deep as the
/// chain would overflow it.
fn evaluate_on_small_stack(src: &str) -> Evaluation {
    let checked = argmap::check::check("chain.toml", src.as_bytes(), &Default::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(64 * 1024)
            .spawn_scoped(s, || evaluate(&map, &graph))
            .unwrap()
            .join()
            .unwrap()
    })
}

#[test]
fn long_attack_chain_alternates_without_recursion() {
    let n = 10_000;
    let e = evaluate_on_small_stack(&chain(n, false));
    // c9999 is unattacked: accepted; c9998 rejected; c9997 accepted; ...
    for (i, label) in e.claims.iter().enumerate() {
        let expected = if (n - 1 - i) % 2 == 0 { A } else { R };
        assert_eq!(*label, expected, "c{i}");
    }
    assert_eq!(
        e.counts(),
        Counts {
            accepted: 5_000,
            rejected: 5_000,
            undecided: 0
        }
    );
}

#[test]
fn long_attack_chain_from_a_cycle_is_undecided() {
    // c9999 attacks itself: nothing in the chain is ever settled.
    let e = evaluate_on_small_stack(&chain(10_000, true));
    assert!(e.claims.iter().all(|l| *l == U));
}

/// Grounded labels by the definition: apply the two rules until nothing
/// changes (quadratic, for small maps only).
fn reference_labels(attacks: &[Vec<usize>]) -> Vec<Label> {
    let n = attacks.len();
    let mut labels = vec![U; n];
    let mut done = vec![false; n];
    loop {
        let mut changed = false;
        for t in 0..n {
            if done[t] {
                continue;
            }
            let attackers: Vec<usize> = (0..n).filter(|&a| attacks[a].contains(&t)).collect();
            if attackers.iter().any(|&a| done[a] && labels[a] == A) {
                (labels[t], done[t], changed) = (R, true, true);
            } else if attackers.iter().all(|&a| done[a] && labels[a] == R) {
                (labels[t], done[t], changed) = (A, true, true);
            }
        }
        if !changed {
            return labels;
        }
    }
}

#[test]
fn random_maps_match_the_definition() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |bound: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % bound
    };
    for round in 0..400 {
        let n = 1 + next(9) as usize;
        let attacks: Vec<Vec<usize>> = (0..n)
            .map(|_| (0..n).filter(|_| next(4) == 0).collect())
            .collect();
        let premises: Vec<Vec<usize>> = (0..3)
            .map(|_| (0..n).filter(|_| next(3) == 0).collect())
            .collect();
        let undercuts: Vec<Vec<usize>> = (0..n)
            .map(|_| (0..3).filter(|_| next(5) == 0).collect())
            .collect();

        let names: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
        let claim_attacks: Vec<Vec<String>> = (0..n)
            .map(|i| {
                let claims = attacks[i].iter().map(|t| format!("c{t}"));
                let args = undercuts[i].iter().map(|a| format!("g{a}"));
                claims.chain(args).collect()
            })
            .collect();
        let attack_refs: Vec<Vec<&str>> = claim_attacks
            .iter()
            .map(|v| v.iter().map(String::as_str).collect())
            .collect();
        let claims: Vec<(&str, &[&str])> = names
            .iter()
            .zip(&attack_refs)
            .map(|(id, a)| (id.as_str(), a.as_slice()))
            .collect();
        let arg_names: Vec<String> = (0..3).map(|a| format!("g{a}")).collect();
        let arg_premises: Vec<Vec<&str>> = premises
            .iter()
            .map(|ps| ps.iter().map(|&p| names[p].as_str()).collect())
            .collect();
        let arguments: Vec<(&str, &[&str], &str)> = arg_names
            .iter()
            .zip(&arg_premises)
            .map(|(id, ps)| (id.as_str(), ps.as_slice(), "c0"))
            .collect();

        let (_, e) = eval_src(&toml(&claims, &arguments));
        let expected = reference_labels(&attacks);
        assert_eq!(e.claims, expected, "round {round}: {attacks:?}");
        for (g, ps) in premises.iter().enumerate() {
            let cutters: Vec<usize> = (0..n).filter(|&c| undercuts[c].contains(&g)).collect();
            let expected = if ps.iter().any(|&p| expected[p] == R)
                || cutters.iter().any(|&c| expected[c] == A)
            {
                R
            } else if !ps.is_empty()
                && ps.iter().all(|&p| expected[p] == A)
                && cutters.iter().all(|&c| expected[c] == R)
            {
                A
            } else {
                U
            };
            assert_eq!(e.arguments[g], expected, "round {round}: argument g{g}");
        }
    }
}

#[test]
fn api_helpers() {
    let src = "[map]\ntitle = \"t\"\nthesis = \"a\"\n\
        [claims.a]\ntext = \"a\"\n\
        [claims.b]\ntext = \"b\"\nattacks = [\"a\"]\n\
        [claims.c]\ntext = \"c\"\nattacks = [\"b\", \"arg\"]\n\
        [arguments.arg]\npremises = [\"a\", \"b\"]\nconclusion = \"a\"\n";
    let checked = argmap::check::check("x.toml", src.as_bytes(), &Default::default());
    let (map, graph) = (checked.map.unwrap(), checked.graph.unwrap());
    let e = evaluate(&map, &graph);
    assert_eq!(e.label_of(&map, "a"), Some(A));
    assert_eq!(e.label_of(&map, "b"), Some(R));
    assert_eq!(e.label_of(&map, "arg"), Some(R));
    assert_eq!(e.label_of(&map, "nowhere"), None);
    assert_eq!(e.thesis(&map, &graph.resolved), Some(("a", Some(A))));
    assert_eq!(e.node(Node::Argument(0)), Some(R));
    assert_eq!(e.node(Node::Source(0)), None);
    assert_eq!(
        e.claim_counts().to_string(),
        "2 accepted, 1 rejected, 0 undecided"
    );
    assert_eq!(e.argument_counts().get(R), 1);
    assert_eq!(e.counts().total(), 4);
    assert_eq!(
        e.reasons(&graph, Node::Claim(0)),
        [Reason {
            role: Role::Attacker,
            claim: 1,
            label: R
        }]
    );
    assert_eq!(
        e.reasons(&graph, Node::Argument(0)),
        [
            Reason {
                role: Role::Premise,
                claim: 1,
                label: R
            },
            Reason {
                role: Role::Undercutter,
                claim: 2,
                label: A
            }
        ]
    );
    assert!(e.reasons(&graph, Node::Claim(2)).is_empty());
    assert_eq!(serde_json::to_string(&U).unwrap(), "\"undecided\"");
    assert_eq!(format!("{A:>9}|"), " accepted|");
}

// --- the command ---------------------------------------------------------
// The runs that are only a transcript are cases in `tests/cmd/` (`eval-*`).

const BRIDGE: &str = "tests/fixtures/eval/bridge.toml";

#[test]
fn docs_show_the_current_output() {
    let doc = std::fs::read_to_string("docs/evaluation.md").unwrap();
    let human = common::run(&["eval", BRIDGE]).stdout;
    let json = common::run(&["eval", "--format", "json", BRIDGE]).stdout;
    // The docs show the output without `items`, then its first item.
    let items = json.find(",\n  \"items\": [\n").unwrap();
    let first_item = &json[items + ",\n  \"items\": [\n".len()..];
    let first_item = &first_item[..first_item.find("\n    },\n").unwrap() + "\n    },\n".len()];
    assert!(
        doc.contains(first_item),
        "docs/evaluation.md shows an old item"
    );
    let json = format!("{}\n}}\n", &json[..items]);
    let map = std::fs::read_to_string(BRIDGE).unwrap();
    let map = &map[map.find("[map]").unwrap()..];
    for (what, text) in [
        ("human output", &human),
        ("json", &json),
        ("map", &map.to_owned()),
    ] {
        assert!(
            doc.contains(text.as_str()),
            "docs/evaluation.md shows an old {what}"
        );
    }
}

#[test]
fn cli_json() {
    let common::Run {
        code,
        stdout,
        stderr,
        ..
    } = common::run(&["eval", "--format", "json", BRIDGE]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let labels = v["labels"].as_object().unwrap();
    assert_eq!(labels.len(), 12);
    assert!(
        labels
            .values()
            .all(|l| ["accepted", "rejected", "undecided"].contains(&l.as_str().unwrap()))
    );
    insta::assert_snapshot!(stdout);
}

// ---------------------------------------------------------------------------
// Evidence-aware semantics
// ---------------------------------------------------------------------------

/// The text of source `doc` in the maps below.
const DOC_TEXT: &str = "The inspectors found that two piers are cracked through.\n";

/// Checks `body` (claims and arguments) in full, with a source `doc` whose
/// text is [`DOC_TEXT`], a source `bare` without text, a source `nameless`
/// without authors, title or year, and evaluates it under both semantics.
fn both(body: &str) -> (Map, Evaluation, Evaluation) {
    use argmap::eval::{Evidence, Semantics, evaluate_with};
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doc.txt"), DOC_TEXT).unwrap();
    let src = format!(
        "[map]\nversion = 2\ntitle = \"t\"\n[limits]\nquote-share = 100\n\
         [sources.doc]\ntitle = \"Doc\"\nauthors = [\"A\"]\nyear = 2020\ntext = \"doc.txt\"\n\
         [sources.bare]\ntitle = \"Bare\"\nauthors = [\"B\"]\nyear = 2020\n\
         [sources.nameless]\nurl = \"https://example.org/n\"\n{body}"
    );
    let path = dir.path().join("m.toml");
    std::fs::write(&path, &src).unwrap();
    let checked = argmap::check::check_with(
        path.to_str().unwrap(),
        src.as_bytes(),
        &argmap::check::Options::default(),
    );
    let map = checked.map.expect("the map is TOML");
    let graph = checked.graph.expect("a graph");
    let evidence = Evidence::of(
        &map,
        &graph.resolved,
        &checked.report.diagnostics,
        &checked.texts,
    );
    let grounded = evaluate_with(&map, &graph, Semantics::Grounded, &evidence);
    let on_evidence = evaluate_with(&map, &graph, Semantics::Evidence, &evidence);
    assert_eq!(grounded.semantics, Semantics::Grounded);
    assert_eq!(on_evidence.semantics, Semantics::Evidence);
    assert_eq!(on_evidence.grounds.len(), map.claims.len());
    (map, grounded, on_evidence)
}

fn label(map: &Map, e: &Evaluation, id: &str) -> Label {
    e.label_of(map, id).unwrap()
}

const CITED: &str = "cites = [\"doc\"]\n";

#[test]
fn an_unattacked_bare_assertion_is_accepted_grounded_and_undecided_on_evidence() {
    let (map, g, e) = both("[claims.a]\ntext = \"a\"\n");
    assert_eq!(label(&map, &g, "a"), A);
    assert_eq!(label(&map, &e, "a"), U);
    assert_eq!(
        e.ground(0),
        Some(argmap::eval::Ground::Missing {
            bare: true,
            unverified: None
        })
    );
}

#[test]
fn a_cited_claim_is_accepted_on_evidence() {
    let (map, _, e) = both(&format!("[claims.a]\ntext = \"a\"\n{CITED}"));
    assert_eq!(label(&map, &e, "a"), A);
    assert_eq!(e.ground(0), Some(argmap::eval::Ground::Evidence(0)));
}

#[test]
fn a_verified_quote_counts_and_a_misquote_or_an_unchecked_quote_does_not() {
    use argmap::eval::Ground;
    use argmap::eval::evidence::Status;
    let (map, g, e) = both(
        "[claims.good]\ntext = \"g\"\ncites = [{ source = \"doc\", quote = \"two piers are cracked\" }]\n\
         [claims.misquote]\ntext = \"m\"\ncites = [{ source = \"doc\", quote = \"three piers are cracked\" }]\n\
         [claims.unchecked]\ntext = \"u\"\ncites = [{ source = \"bare\", quote = \"anything at all\" }]\n\
         [claims.unsound]\ntext = \"s\"\ncites = [\"nameless\"]\n",
    );
    assert_eq!(label(&map, &e, "good"), A);
    for id in ["misquote", "unchecked", "unsound"] {
        assert_eq!(label(&map, &g, id), A, "{id}");
        assert_eq!(label(&map, &e, id), U, "{id}");
    }
    let missing = |bare, status| Ground::Missing {
        bare,
        unverified: Some((0, status)),
    };
    assert_eq!(
        e.ground(1),
        Some(missing(
            false,
            Status::Impeached {
                code: argmap::diag::Code::QuoteNotFound,
                on_source: false
            }
        ))
    );
    assert_eq!(e.ground(2), Some(missing(false, Status::Unchecked)));
    assert_eq!(
        e.ground(3),
        Some(missing(
            false,
            Status::Impeached {
                code: argmap::diag::Code::SourceMissingField,
                on_source: true
            }
        ))
    );
}

#[test]
fn support_carries_acceptance_up_a_chain_from_evidence() {
    let (map, _, e) = both(&format!(
        "[claims.a]\ntext = \"a\"\n{CITED}supports = [\"b\"]\n\
         [claims.b]\ntext = \"b\"\nsupports = [\"c\"]\n[claims.c]\ntext = \"c\"\n"
    ));
    assert_eq!(["a", "b", "c"].map(|id| label(&map, &e, id)), [A, A, A]);
    assert_eq!(e.ground(2), Some(argmap::eval::Ground::Supporter(1)));
}

#[test]
fn a_cycle_of_support_without_evidence_grounds_nothing() {
    let (map, g, e) = both(
        "[claims.a]\ntext = \"a\"\nsupports = [\"b\"]\n[claims.b]\ntext = \"b\"\nsupports = [\"a\"]\n",
    );
    assert_eq!([label(&map, &g, "a"), label(&map, &g, "b")], [A, A]);
    assert_eq!([label(&map, &e, "a"), label(&map, &e, "b")], [U, U]);
    // One cited claim in the cycle grounds the other.
    let (map, _, e) = both(&format!(
        "[claims.a]\ntext = \"a\"\nsupports = [\"b\"]\n{CITED}[claims.b]\ntext = \"b\"\nsupports = [\"a\"]\n"
    ));
    assert_eq!([label(&map, &e, "a"), label(&map, &e, "b")], [A, A]);
}

#[test]
fn an_attacker_with_evidence_rejects_and_one_without_leaves_it_open() {
    let (map, _, e) = both(&format!(
        "[claims.t]\ntext = \"t\"\n{CITED}[claims.x]\ntext = \"x\"\n{CITED}attacks = [\"t\"]\n"
    ));
    assert_eq!([label(&map, &e, "t"), label(&map, &e, "x")], [R, A]);
    let (map, g, e) = both(&format!(
        "[claims.t]\ntext = \"t\"\n{CITED}[claims.x]\ntext = \"x\"\nattacks = [\"t\"]\n"
    ));
    assert_eq!([label(&map, &g, "t"), label(&map, &g, "x")], [R, A]);
    assert_eq!([label(&map, &e, "t"), label(&map, &e, "x")], [U, U]);
}

#[test]
fn reinstatement_with_evidence() {
    let (map, _, e) = both(&format!(
        "[claims.t]\ntext = \"t\"\n{CITED}[claims.x]\ntext = \"x\"\n{CITED}attacks = [\"t\"]\n\
         [claims.y]\ntext = \"y\"\n{CITED}attacks = [\"x\"]\n"
    ));
    assert_eq!(["t", "x", "y"].map(|id| label(&map, &e, id)), [A, R, A]);
}

#[test]
fn a_linked_argument_with_every_premise_evidenced_grounds_its_conclusion() {
    use argmap::eval::Ground;
    let (map, _, e) = both(&format!(
        "[claims.p]\ntext = \"p\"\n{CITED}[claims.q]\ntext = \"q\"\n{CITED}[claims.c]\ntext = \"c\"\n\
         [arguments.arg]\npremises = [\"p\", \"q\"]\nconclusion = \"c\"\n"
    ));
    assert_eq!(
        ["p", "q", "c", "arg"].map(|id| label(&map, &e, id)),
        [A, A, A, A]
    );
    assert_eq!(e.ground(2), Some(Ground::Argument(0)));
    // One bare premise: the argument and its conclusion stay open.
    let (map, g, e) = both(&format!(
        "[claims.p]\ntext = \"p\"\n{CITED}[claims.q]\ntext = \"q\"\n[claims.c]\ntext = \"c\"\n\
         [arguments.arg]\npremises = [\"p\", \"q\"]\nconclusion = \"c\"\n"
    ));
    assert_eq!(["c", "arg"].map(|id| label(&map, &g, id)), [A, A]);
    assert_eq!(["c", "arg"].map(|id| label(&map, &e, id)), [U, U]);
    // The bare premise's claim does not rest only on bare assertions: the
    // conclusion does not either, since a premise cites a source.
    assert_eq!(
        e.ground(2),
        Some(Ground::Missing {
            bare: false,
            unverified: None
        })
    );
}

#[test]
fn an_odd_cycle_of_evidenced_attacks_stays_undecided() {
    let (map, g, e) = both(&format!(
        "[claims.a]\ntext = \"a\"\n{CITED}attacks = [\"b\"]\n[claims.b]\ntext = \"b\"\n{CITED}attacks = [\"c\"]\n\
         [claims.c]\ntext = \"c\"\n{CITED}attacks = [\"a\"]\n"
    ));
    assert_eq!(["a", "b", "c"].map(|id| label(&map, &g, id)), [U, U, U]);
    assert_eq!(["a", "b", "c"].map(|id| label(&map, &e, id)), [U, U, U]);
}

#[test]
fn qualifications_change_no_label_on_evidence_either() {
    let (map, _, e) = both(&format!(
        "[claims.t]\ntext = \"t\"\n{CITED}[claims.q]\ntext = \"q\"\n{CITED}qualifies = [\"t\"]\n"
    ));
    assert_eq!([label(&map, &e, "t"), label(&map, &e, "q")], [A, A]);
    let reasons = e.reasons(
        &argmap::graph::MapGraph::new(&map),
        argmap::graph::Node::Claim(0),
    );
    assert_eq!(reasons.len(), 1);
    assert_eq!(reasons[0].role, Role::Qualifier);
}

#[test]
fn a_long_support_chain_from_evidence_is_accepted_without_recursion() {
    // 10,000 claims, each supporting the next, the first cited, on a small
    // stack: the worklist needs no recursion.
    let n = 10_000;
    let mut body = format!("[claims.c0]\ntext = \"c\"\n{CITED}supports = [\"c1\"]\n");
    for i in 1..n {
        writeln!(
            body,
            "[claims.c{i}]\ntext = \"c\"\nsupports = [\"c{}\"]",
            i + 1
        )
        .unwrap();
    }
    let result = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || both(&body))
        .unwrap()
        .join()
        .unwrap();
    let (_, _, e) = result;
    assert!(e.claims.iter().all(|&l| l == A), "{:?}", e.claim_counts());
}

#[test]
fn docs_show_the_current_evidence_example() {
    let doc = std::fs::read_to_string("docs/evaluation.md").unwrap();
    let fixture = "tests/fixtures/eval/evidence.toml";
    let run = common::run(&["eval", "--semantics", "evidence", fixture]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let human = run.stdout;
    assert!(
        doc.contains(&human),
        "docs/evaluation.md shows an old evidence output:\n{human}"
    );
    let note = run.stderr.lines().last().unwrap();
    assert!(note.starts_with("note: quotes not checked"), "{note}");
    assert!(doc.contains(note), "docs/evaluation.md shows an old note");
    let map = std::fs::read_to_string(fixture).unwrap();
    let claims = &map[map.find("[claims.rebuild]").unwrap()..];
    assert!(
        doc.contains(claims),
        "docs/evaluation.md shows old claims of the evidence example"
    );
}
