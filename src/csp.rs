//! Content-Security-Policy sources: an inline script or style sheet named
//! by its SHA-256 hash (`'sha256-…'`), as the viewer's and the report's
//! policies allow them.

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// `'sha256-…'`, the source that allows the inline element whose content is
/// `text`, quotes included.
pub fn hash_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_of_an_empty_script_is_the_known_one() {
        // The value browsers print for an empty inline script.
        assert_eq!(
            hash_source(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
    }
}
