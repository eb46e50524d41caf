//! The AIF vocabulary that argmap writes (`export --to aif`) and reads
//! (`import --from aif`): the texts of the scheme nodes it makes. One
//! declaration for both directions, so that a round trip cannot drift.

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
