//! `argmap lsp`: the language server on stdin and stdout. The library's
//! [`argmap::lsp`] serves; this reads stdin on one thread (with
//! `argmap::lsp::transport`, which skips a message it cannot read instead
//! of stopping) and writes stdout on another.

use std::io::Write;

use clap::Args;

use super::{Outcome, SUCCESS};
use argmap::lsp::transport::{self, Frame};
use argmap::lsp::{Connection, Ended, Message};

pub const EXAMPLES: &str = "\
Setup: an editor starts `argmap lsp` and talks to it over stdin and stdout;
docs/editors.md has the settings for VS Code, Neovim and Helix.

Texts and levels come from the project file beside each map
(argmap-project.toml, see docs/map-format.md), and from the client's
initializationOptions, which win over it as --text and -A/-W/-D do:
  {\"texts\": {\"lee-chapter\": \"/path/to/chapter.txt\"}, \"levels\": {\"uncited-claim\": \"warn\"},
   \"allowOutsideTexts\": false, \"noProject\": false}

Exit codes: 0 after the client's shutdown and exit, 1 after an exit without
shutdown (or when the client goes away), 2 when it could not start.";

/// Arguments of `argmap lsp`.
#[derive(Args, Debug)]
pub struct LspArgs {
    /// Talk over stdin and stdout (the only transport, and the default;
    /// accepted because some editors pass it).
    #[arg(long)]
    stdio: bool,
}

/// The exit code after the client asked the server to exit without
/// shutting it down first, or went away (the protocol says 1).
const EXIT_WITHOUT_SHUTDOWN: u8 = 1;

/// Runs the server until the client shuts it down.
pub fn run(_args: &LspArgs) -> Outcome {
    let today = super::today()?;
    let (to_server, from_client) = crossbeam_channel::unbounded::<Message>();
    let (to_client, from_server) = crossbeam_channel::unbounded::<Message>();
    // The reader is not joined: it may wait on stdin after the exit.
    std::thread::Builder::new()
        .name("argmap-lsp-reader".to_owned())
        .spawn(move || {
            let stdin = std::io::stdin();
            let mut stdin = stdin.lock();
            loop {
                let message = match transport::read(&mut stdin) {
                    Frame::Message(m) => m,
                    Frame::Unreadable(why) => Message::Notification(lsp_server::Notification::new(
                        argmap::lsp::UNREADABLE.to_owned(),
                        why,
                    )),
                    Frame::End => return,
                };
                let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
                if to_server.send(message).is_err() || exit {
                    return;
                }
            }
        })
        .map_err(|e| super::fail(&format!("cannot start the language server: {e}"), None))?;
    let writer = std::thread::Builder::new()
        .name("argmap-lsp-writer".to_owned())
        .spawn(move || {
            let stdout = std::io::stdout();
            let mut stdout = stdout.lock();
            for message in from_server {
                // The client is gone: nothing more can be told.
                if message.write(&mut stdout).is_err() {
                    return;
                }
            }
            stdout.flush().ok();
        })
        .map_err(|e| super::fail(&format!("cannot start the language server: {e}"), None))?;
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    let ended = argmap::lsp::serve(&connection, argmap::lsp::Settings { today });
    drop(connection);
    writer.join().ok();
    Ok(match ended {
        Ended::Shutdown => SUCCESS,
        Ended::Exit => EXIT_WITHOUT_SHUTDOWN,
    })
}
