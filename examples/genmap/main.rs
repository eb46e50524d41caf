//! `genmap`: writes a realistic synthetic argument map, for benchmarks and
//! for trying argmap on maps of any size.
//!
//! ```sh
//! cargo run --release --example genmap -- --claims 100000 --seed 1 -o target/bench/100000
//! ```
//!
//! writes `DIR/map.toml` and the source texts it quotes, `DIR/texts/*.txt`.
//! The same size and seed always give the same bytes.

// The generator indexes its own tables, never user input.
#![allow(clippy::indexing_slicing)]

mod generate;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: genmap --claims N [--seed S] -o DIR

Writes DIR/map.toml (N claims in about N/50 sections, about N/20 sources,
citations, quotes, linked arguments, attacks, undercuts, answers, actors) and
DIR/texts/*.txt (the source texts its quotes are taken from). Deterministic:
the same N and S always give the same files. Default seed: 1.";

fn parse() -> Result<(generate::Spec, PathBuf), String> {
    let mut claims = None;
    let mut seed = 1u64;
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--claims" | "-n" => {
                let v = value("--claims")?;
                let n: usize = v
                    .replace('_', "")
                    .parse()
                    .map_err(|_| format!("--claims: `{v}` is not a number"))?;
                if n == 0 {
                    return Err("--claims must be at least 1".into());
                }
                claims = Some(n);
            }
            "--seed" | "-s" => {
                let v = value("--seed")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: `{v}` is not a number"))?;
            }
            "-o" | "--output" => out = Some(PathBuf::from(value("-o")?)),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let claims = claims.ok_or("--claims is required")?;
    let out = out.ok_or("-o DIR is required")?;
    Ok((generate::Spec { claims, seed }, out))
}

fn main() -> ExitCode {
    let (spec, dir) = match parse() {
        Ok(p) => p,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("error: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let generated = generate::generate(spec);
    match generate::write(&dir, &generated) {
        Ok(map) => {
            let s = generated.stats;
            println!(
                "{}: {} claims, {} sections, {} sources ({} with text), {} arguments, \
                 {} citations, {} quotes, {} supports, {} attacks, {} undercuts, {} bytes",
                map.display(),
                s.claims,
                s.sections,
                s.sources,
                s.texts,
                s.arguments,
                s.citations,
                s.quotes,
                s.supports,
                s.attacks,
                s.undercuts,
                generated.toml.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write `{}`: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
