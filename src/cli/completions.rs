//! `argmap completions`: the completion script of a shell, on stdout.

use std::path::Path;

use clap::{Args, Command, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Outcome, SUCCESS, output};

pub const EXAMPLES: &str = "\
Examples:
  argmap completions bash > argmap.bash      the script for bash
  argmap completions zsh > _argmap           for zsh: a file named _argmap
  argmap completions fish > argmap.fish      for fish

Install the script where the shell looks for completions (README, \"Writing
maps\"): bash reads ~/.local/share/bash-completion/completions/argmap, zsh a
file `_argmap` in a folder of its `fpath`, fish
~/.config/fish/completions/argmap.fish; elvish evaluates it from rc.elv
(`eval (argmap completions elvish | slurp)`), PowerShell from $PROFILE
(`argmap completions powershell | Out-String | Invoke-Expression`). The
scripts complete commands, options and their values; options that argmap
accepts but ignores are left out.";

/// Arguments of `argmap completions`.
#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_name = "SHELL", value_enum)]
    shell: Shell,
}

/// Runs `completions`; returns the exit code.
pub fn run(args: &CompletionsArgs) -> Outcome {
    let mut command = visible(&Cli::command());
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "argmap", &mut script);
    output::emit(Path::new("-"), &[], &script)?;
    Ok(SUCCESS)
}

/// `command` without its hidden arguments and subcommands, which clap's
/// completion scripts would offer (its man pages and help leave them out).
pub(super) fn visible(command: &Command) -> Command {
    let mut out = Command::new(command.get_name().to_owned())
        .args(
            command
                .get_arguments()
                .filter(|a| !a.is_hide_set())
                .cloned(),
        )
        .subcommands(
            command
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .map(visible),
        );
    if let Some(about) = command.get_about() {
        out = out.about(about.clone());
    }
    if let Some(version) = command.get_version() {
        out = out.version(version.to_owned());
    }
    out
}
