//! Reading the messages of the base protocol (`Content-Length` headers,
//! then a JSON-RPC body) from a stream, without stopping at a bad one:
//! `lsp-server`'s own reader ends the stream at the first body that is not
//! JSON-RPC, and allocates whatever length a header names. Here a message
//! that cannot be read is reported and skipped, and a body longer than
//! [`MAX_MESSAGE_BYTES`] is skipped unread. The binary runs this on stdin;
//! writing is `lsp-server`'s.

use std::io::{BufRead, Read};

use lsp_server::Message;

/// Longest message body read, in bytes: a map of the largest size argmap
/// reads, escaped as JSON, fits.
pub const MAX_MESSAGE_BYTES: usize = 256 * 1024 * 1024;

/// Longest header line read, in bytes.
const MAX_HEADER_BYTES: u64 = 4096;

/// What the next bytes of the stream hold.
#[derive(Debug)]
pub enum Frame {
    /// A message.
    Message(Message),
    /// Something that is not a message, and why (the stream goes on after
    /// it).
    Unreadable(String),
    /// The end of the stream (or an error reading it).
    End,
}

/// Reads the next frame of `r`.
pub fn read(r: &mut impl BufRead) -> Frame {
    let mut length: Option<usize> = None;
    let mut problem: Option<String> = None;
    let mut headers = 0;
    loop {
        let mut line = Vec::new();
        match r
            .by_ref()
            .take(MAX_HEADER_BYTES)
            .read_until(b'\n', &mut line)
        {
            Ok(0) | Err(_) => return Frame::End,
            Ok(_) => {}
        }
        if !line.ends_with(b"\n") {
            if line.len() as u64 >= MAX_HEADER_BYTES {
                problem.get_or_insert_with(|| "a header line is too long".to_owned());
                continue;
            }
            return Frame::End;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if headers == 0 {
                // A blank line between messages.
                continue;
            }
            break;
        }
        headers += 1;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => {
                        problem.get_or_insert_with(|| {
                            format!("`Content-Length` is `{}`, not a number", value.trim())
                        });
                    }
                }
            }
            Some(_) => {}
            None => {
                problem.get_or_insert_with(|| format!("`{}` is not a header", cut(text)));
            }
        }
    }
    let Some(length) = length else {
        return Frame::Unreadable(
            problem.unwrap_or_else(|| "a message without `Content-Length`".to_owned()),
        );
    };
    if length > MAX_MESSAGE_BYTES {
        let skipped = std::io::copy(&mut r.by_ref().take(length as u64), &mut std::io::sink());
        return match skipped {
            Ok(n) if n == length as u64 => Frame::Unreadable(format!(
                "a message of {length} bytes, more than the {} MiB argmap reads",
                MAX_MESSAGE_BYTES / (1024 * 1024)
            )),
            _ => Frame::End,
        };
    }
    let mut body = Vec::new();
    match r.by_ref().take(length as u64).read_to_end(&mut body) {
        Ok(n) if n == length => {}
        _ => return Frame::End,
    }
    match serde_json::from_slice::<Message>(&body) {
        Ok(m) => Frame::Message(m),
        Err(e) => Frame::Unreadable(format!("a message that is not JSON-RPC: {e}")),
    }
}

fn cut(s: &str) -> String {
    let c: String = s.chars().take(60).collect();
    if c.len() < s.len() {
        format!("{c}…")
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    fn frames(input: &[u8]) -> Vec<String> {
        let mut r = std::io::BufReader::new(input);
        let mut out = Vec::new();
        loop {
            match read(&mut r) {
                Frame::Message(Message::Notification(n)) => out.push(n.method),
                Frame::Message(m) => out.push(format!("{m:?}")),
                Frame::Unreadable(why) => out.push(format!("unreadable: {why}")),
                Frame::End => return out,
            }
        }
    }

    fn message(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn a_bad_message_is_skipped_and_the_next_one_read() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let input = [
            message("{not json"),
            message(r#"{"jsonrpc":"2.0","id":[1]}"#),
            "Content-Type: x\r\n\r\n".to_owned(),
            "Content-Length: many\r\n\r\n".to_owned(),
            format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE_BYTES + 1),
        ]
        .concat();
        let got = frames(input.as_bytes());
        // The oversized message's body is not there: the stream ends.
        assert_eq!(got.len(), 4, "{got:?}");
        assert!(
            got[0].starts_with("unreadable: a message that is not JSON-RPC"),
            "{got:?}"
        );
        assert!(
            got[1].starts_with("unreadable: a message that is not JSON-RPC"),
            "{got:?}"
        );
        assert_eq!(got[2], "unreadable: a message without `Content-Length`");
        assert_eq!(
            got[3],
            "unreadable: `Content-Length` is `many`, not a number"
        );
        let input = [message("{not json"), message(good)].concat();
        assert_eq!(
            frames(input.as_bytes()),
            [
                "unreadable: a message that is not JSON-RPC: key must be a string at line 1 column 2",
                "initialized"
            ]
        );
    }

    #[test]
    fn a_truncated_message_ends_the_stream() {
        assert!(frames(b"Content-Length: 10\r\n\r\n{}").is_empty());
        assert!(frames(b"Content-Len").is_empty());
    }
}
