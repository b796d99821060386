//! Content-hashed asset names, so assets can be cached for a year.

use std::collections::BTreeMap;

/// Logical name (`site.css`) to URL (`/assets/site.1a2b3c4d.css`), as templates see it.
pub type AssetMap = BTreeMap<String, String>;

/// `site.css` with these bytes becomes `site.1a2b3c4d.css`.
pub fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let hash = blake3::hash(bytes).to_hex();
    let short = &hash.as_str()[..10];
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{short}.{ext}"),
        None => format!("{name}.{short}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hash_goes_before_the_extension() {
        let name = super::hashed_name("site.css", b"body{}");
        assert!(
            name.starts_with("site.")
                && name.ends_with(".css")
                && name.len() == "site..css".len() + 10
        );
        assert_ne!(name, super::hashed_name("site.css", b"body{ }"));
    }
}
