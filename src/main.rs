//! The `argmap` binary: parse the command line, run the command, exit with
//! its code (0 clean, 1 error-level findings, 2 usage or I/O failure).

mod cli;

fn main() -> std::process::ExitCode {
    std::process::ExitCode::from(cli::run())
}
