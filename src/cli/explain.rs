//! `argmap explain`: the documentation of a diagnostic code, or the list of
//! all codes with their default levels.

use clap::Args;

use super::{Outcome, SUCCESS, fail, output};
use argmap::rules;

pub const EXAMPLES: &str = "\
Examples:
  argmap explain                  every code, its default level and summary
  argmap explain uncited-claim    what it finds, why it matters, an example, the fix";

/// Arguments of `argmap explain`.
#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// The diagnostic code to explain (omit it to list every code).
    code: Option<String>,
}

/// Runs `explain`; returns the exit code.
pub fn run(args: &ExplainArgs) -> Outcome {
    match &args.code {
        None => {
            output::print(&rules::table(), "the list of codes")?;
            Ok(SUCCESS)
        }
        Some(code) => match argmap::diag::Code::parse(code).and_then(rules::find) {
            Some(rule) => {
                let text = format!(
                    "{} (default level: {})\n\n{}\n",
                    rule.code,
                    rule.default_level,
                    rule.explanation()
                );
                output::print(&text, "the explanation")?;
                Ok(SUCCESS)
            }
            None => {
                let help = argmap::diag::Code::suggest(code)
                    .map(|s| format!("did you mean `{s}`?"))
                    .unwrap_or_else(|| "run `argmap explain` to list every code".to_owned());
                Err(fail(&format!("no diagnostic code `{code}`"), Some(&help)))
            }
        },
    }
}
