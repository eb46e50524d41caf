//! The AIF vocabulary that argmap writes (`export --to aif`) and reads
//! (`import --from aif`): the texts of the scheme nodes it makes, and which
//! scheme names say nothing beyond their node's type. One declaration for
//! both directions, so that a round trip cannot drift.

/// The text of an RA node.
pub const INFERENCE: &str = "Default Inference";
/// The text of a CA node.
pub const CONFLICT: &str = "Default Conflict";
/// The text of the CA node of a qualification (`qualifies`): AIF has no
/// relation for a concession, so it is a conflict of its own scheme, which
/// `argmap import` reads back as `qualifies`.
pub const QUALIFICATION: &str = "Qualification";
/// The text of a YA node linking a locution to the claim it asserts.
pub const ASSERTING: &str = "Asserting";

/// Whether the scheme name `name` (a scheme node's `scheme` or `text`)
/// names no scheme: empty, a node type ("RA", "CA"), a bare kind
/// ("Inference", "Conflict") or AIFdb's default of a kind ("Default
/// Inference", "Default Conflict", "Default Inference-rev"); compared
/// without case. Such a name gives an imported argument no label.
pub fn is_generic_scheme(name: &str) -> bool {
    let name = name.trim().to_ascii_lowercase();
    const GENERIC: [&str; 14] = [
        "",
        "ra",
        "ca",
        "ma",
        "pa",
        "ta",
        "ya",
        "inference",
        "conflict",
        "rephrase",
        "preference",
        "transition",
        "illocuting",
        "default",
    ];
    GENERIC.contains(&name.as_str()) || name.starts_with("default ")
}

/// Whether the illocution `name` (a YA node's `scheme` or `text`) anchors a
/// claim without its speaker holding it: a question that asks whether it is
/// so, or a challenge that asks for its grounds (AIFdb's "Pure
/// Questioning", "Pure Challenging", "Assertive Challenging", ...).
/// Asserting, arguing, agreeing, restating and assertive or rhetorical
/// questioning commit the speaker. Compared without case.
pub fn is_uncommitted_illocution(name: &str) -> bool {
    let name = name.trim().to_ascii_lowercase();
    name.contains("challenging") || name == "questioning" || name == "pure questioning"
}
