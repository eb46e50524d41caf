//! What argmap gives shells and `man`: `argmap completions SHELL` for the
//! five shells clap knows, each naming every command (and bash's run for
//! real: sourced, registered, asked to complete), and `argmap man`, one
//! page per command, typeset by groff without a warning. Neither offers
//! what `--help` hides. The pages need groff: where it is missing their
//! test is reported ignored, and fails under `ARGMAP_CI=1`
//! (`tests/external/mod.rs`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::path::Path;
use std::process::{Command, ExitCode};

mod common;
mod external;

use external::trial;

fn main() -> ExitCode {
    external::run(vec![
        trial!(every_shell_s_script_names_every_command),
        trial!(bash_sources_the_script_and_completes_commands_options_and_values),
        trial!(hidden_options_are_never_offered),
        trial!(man_writes_a_page_per_command_that_groff_typesets_without_a_warning, needs Groff),
        trial!(man_prints_one_page_and_names_a_command_it_lacks),
    ])
}

/// The shells of `argmap completions`.
const SHELLS: &[&str] = &["bash", "zsh", "fish", "elvish", "powershell"];

/// The commands `argmap --help` lists (without `help`).
fn commands() -> Vec<String> {
    let help = common::run(&["--help"]);
    assert_eq!(help.code, 0, "{}", help.stderr);
    let listed: Vec<String> = help
        .stdout
        .split_once("Commands:\n")
        .unwrap()
        .1
        .lines()
        .take_while(|l| !l.trim().is_empty())
        // Not the lines a long description wraps onto, indented further.
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect();
    for command in ["check", "render", "init", "completions", "man"] {
        assert!(listed.iter().any(|c| c == command), "{listed:?}");
    }
    listed
}

/// The completion script of `shell`.
fn script(shell: &str) -> String {
    let run = common::run(&["completions", shell]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{shell}");
    run.stdout
}

fn every_shell_s_script_names_every_command() {
    let commands = commands();
    for shell in SHELLS {
        let script = script(shell);
        assert!(script.len() > 1000, "{shell}: {script}");
        for command in &commands {
            assert!(
                script.contains(command.as_str()),
                "{shell}: `{command}` missing"
            );
        }
        // Options and their values too.
        for word in ["watch", "title", "colorblind", "powershell"] {
            assert!(script.contains(word), "{shell}: `{word}` missing");
        }
    }
}

/// What bash's completion of argmap offers for `words`, the last being
/// the word under the cursor, as bash calls the function `complete -p`
/// names; and that line.
fn bash_completes(script: &Path, words: &[&str]) -> (Vec<String>, String) {
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        r#"set -u
source "$1"
registered=$(complete -p argmap)
echo "$registered"
function=$(echo "$registered" | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
COMP_WORDS=({words})
COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))
COMP_LINE="${{COMP_WORDS[*]}}"
COMP_POINT=${{#COMP_LINE}}
cur="${{COMP_WORDS[COMP_CWORD]}}"
prev="${{COMP_WORDS[COMP_CWORD-1]}}"
"$function" argmap "$cur" "$prev"
printf '%s\n' "${{COMPREPLY[@]}}"
"#,
        words = quoted.join(" ")
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program, "bash"])
        .arg(script)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{words:?}: {stderr}");
    assert!(stderr.is_empty(), "{words:?}: {stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    let registered = lines.next().unwrap().to_owned();
    (lines.map(str::to_owned).collect(), registered)
}

fn bash_sources_the_script_and_completes_commands_options_and_values() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("argmap.bash");
    std::fs::write(&path, script("bash")).unwrap();

    let (offered, registered) = bash_completes(&path, &["argmap", ""]);
    assert!(
        registered.starts_with("complete ")
            && registered.contains(" -F _argmap ")
            && registered.ends_with(" argmap"),
        "{registered}"
    );
    for command in commands() {
        assert!(offered.contains(&command), "`{command}` not in {offered:?}");
    }
    let (mut offered, _) = bash_completes(&path, &["argmap", "i"]);
    offered.sort();
    assert_eq!(offered, ["import", "init"]);

    let (mut offered, _) = bash_completes(&path, &["argmap", "check", "--w"]);
    offered.sort();
    assert_eq!(offered, ["--warn", "--watch"]);

    let (offered, _) = bash_completes(&path, &["argmap", "completions", ""]);
    let mut shells: Vec<&str> = offered
        .iter()
        .map(String::as_str)
        .filter(|w| !w.starts_with('-'))
        .collect();
    shells.sort_unstable();
    let mut expected = SHELLS.to_vec();
    expected.sort_unstable();
    assert_eq!(shells, expected);

    let (offered, _) = bash_completes(&path, &["argmap", "render", "map.toml", "--theme", ""]);
    assert_eq!(offered, ["color", "mono", "colorblind"]);
}

fn hidden_options_are_never_offered() {
    // `export` accepts `--text` and `--allow-outside-texts`, hidden, and
    // ignores them; `check` reads texts, and shows them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("argmap.bash");
    std::fs::write(&path, script("bash")).unwrap();
    let (export, _) = bash_completes(&path, &["argmap", "export", "--"]);
    let (check, _) = bash_completes(&path, &["argmap", "check", "--"]);
    assert!(export.contains(&"--to".to_owned()), "{export:?}");
    for hidden in ["--text", "--allow-outside-texts"] {
        assert!(!export.contains(&hidden.to_owned()), "{export:?}");
        assert!(check.contains(&hidden.to_owned()), "{check:?}");
    }
    // The scripts of the other shells, line by line where they say which
    // command a line completes.
    let fish = script("fish");
    let export_lines: Vec<&str> = fish
        .lines()
        .filter(|l| l.contains("__fish_argmap_using_subcommand export"))
        .collect();
    assert!(export_lines.iter().any(|l| l.contains("-l to")), "{fish}");
    assert!(
        !export_lines
            .iter()
            .any(|l| l.contains("-l text") || l.contains("-l allow-outside-texts")),
        "{export_lines:#?}"
    );
    let zsh = script("zsh");
    let export_part = zsh
        .split("(export)")
        .nth(1)
        .and_then(|s| s.split(";;").next())
        .unwrap();
    assert!(export_part.contains("--to"), "{export_part}");
    assert!(
        !export_part.contains("--allow-outside-texts"),
        "{export_part}"
    );
    // The man page of `export` neither.
    let page = common::run(&["man", "export"]);
    assert_eq!(page.code, 0, "{}", page.stderr);
    assert!(page.stdout.contains(r"\-\-to"));
    assert!(!page.stdout.contains("allow\\-outside"), "{}", page.stdout);
}

/// groff's typesetting of the page at `path`: (text, warnings).
fn groff(path: &Path) -> (String, String) {
    let out = Command::new("groff")
        // Plain text: no bold or underline by overstriking.
        .args(["-man", "-Tutf8", "-ww", "-P", "-cbou"])
        .arg(path)
        .env("LC_ALL", "C.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", path.display());
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn man_writes_a_page_per_command_that_groff_typesets_without_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("share/man/man1");
    let run = common::argmap(["man", "--out"])
        .arg(&out)
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut expected: Vec<String> = commands()
        .iter()
        .map(|c| format!("argmap-{c}.1"))
        .chain(["argmap.1".to_owned()])
        .collect();
    expected.sort();
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, expected);
    assert_eq!(
        run.stderr,
        format!(
            "note: wrote {} pages into `{}`: argmap.1 and argmap-COMMAND.1 for each command\n",
            expected.len(),
            out.display()
        )
    );
    for page in &written {
        let roff = std::fs::read_to_string(out.join(page)).unwrap();
        assert!(roff.is_ascii(), "{page}: groff reads pages as Latin-1");
        let (text, warnings) = groff(&out.join(page));
        assert_eq!(warnings, "", "{page}");
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"] {
            assert!(text.contains(section), "{page}: no {section}\n{text}");
        }
    }
    // A command's page: its examples as written, its notes, and a way back.
    let (init, _) = groff(&out.join("argmap-init.1"));
    for line in [
        "EXAMPLES",
        "argmap init bridge.toml --title \"Should the bridge be rebuilt?\"",
        "NOTES",
        "SEE ALSO",
        "argmap(1)",
    ] {
        assert!(init.contains(line), "`{line}` not in\n{init}");
    }
    // A character beyond ASCII, written as an escape, typesets as itself.
    let (render, _) = groff(&out.join("argmap-render.1"));
    assert!(render.contains("Okabe\u{2013}Ito"), "{render}");
    let (main, _) = groff(&out.join("argmap.1"));
    assert!(main.contains("argmap-init(1)"), "{main}");
    insta::assert_snapshot!(
        "man_page_of_init",
        std::fs::read_to_string(out.join("argmap-init.1")).unwrap()
    );
}

fn man_prints_one_page_and_names_a_command_it_lacks() {
    let dir = tempfile::tempdir().unwrap();
    let run = common::argmap(["man", "--out", "."])
        .current_dir(dir.path())
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let main = common::run(&["man"]);
    assert_eq!(main.code, 0, "{}", main.stderr);
    assert_eq!(
        main.stdout,
        std::fs::read_to_string(dir.path().join("argmap.1")).unwrap()
    );
    let init = common::run(&["man", "init"]);
    assert_eq!(
        init.stdout,
        std::fs::read_to_string(dir.path().join("argmap-init.1")).unwrap()
    );
    let unknown = common::transcript(&["man", "chek"]);
    insta::assert_snapshot!("man_of_no_command", unknown);
}
