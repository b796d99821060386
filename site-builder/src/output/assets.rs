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

/// The size of `bytes` compressed with brotli at its best quality, as `brotli -q 11`
/// would, which is how a static host serves them. About 1 MB a second.
pub fn brotli_size(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut compressed = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut compressed, 4096, 11, 24);
        // Writing to memory cannot fail.
        let _ = writer.write_all(bytes);
    }
    compressed.len()
}

/// An asset as it is shipped: stylesheets lose their comments and blank lines, which are
/// for the people who edit the theme, not for visitors' phones.
pub fn shipped(name: &str, bytes: Vec<u8>) -> Vec<u8> {
    match (name.ends_with(".css"), String::from_utf8(bytes)) {
        (true, Ok(css)) => without_comments(&css).into_bytes(),
        (_, Ok(text)) => text.into_bytes(),
        (_, Err(e)) => e.into_bytes(),
    }
}

/// CSS without `/* ... */` comments and blank lines. Strings and `url(...)` are copied as
/// they are, since a `/*` inside them is not a comment.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(at) = rest.find(['/', '"', '\'', 'u']) {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        let skip = if let Some(comment) = from.strip_prefix("/*") {
            match comment.find("*/") {
                Some(end) => {
                    rest = &comment[end + 2..];
                    continue;
                }
                None => from.len(),
            }
        } else if from.starts_with('"') || from.starts_with('\'') {
            quoted_length(from)
        } else if from.starts_with("url(") {
            from.find(')').map_or(from.len(), |end| end + 1)
        } else {
            1
        };
        out.push_str(&from[..skip]);
        rest = &from[skip..];
    }
    out.push_str(rest);
    out.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| format!("{}\n", tightened(line.trim_start())))
        .collect()
}

/// A line of CSS without the spaces that only help people read it: after `{`, `;`, `:`
/// and `,`, and before `{` and `}`. Quoted strings are copied as they are, and a space
/// that separates two words (a descendant selector, `0 auto`) stays.
fn tightened(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut quote: Option<char> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, ' ') => {
                let after = out.ends_with(['{', ';', ':', ',', ' ']);
                let before = chars.peek().is_some_and(|n| matches!(n, '{' | '}' | ' '));
                if after || before {
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
    }
    out
}

/// The length of the quoted string at the start of `text`, quotes and escapes included.
fn quoted_length(text: &str) -> usize {
    let quote = text.as_bytes()[0];
    let mut escaped = false;
    for (i, &b) in text.as_bytes().iter().enumerate().skip(1) {
        match (escaped, b) {
            (true, _) => escaped = false,
            (false, b'\\') => escaped = true,
            (false, b) if b == quote => return i + 1,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn stylesheets_ship_without_comments() {
        let css = "/* why */\na{b:c}\n\n/* more\nlines */\np::before{content:\"/* kept */\"}\nq{background:url(/a/*b.png)}\n";
        assert_eq!(
            String::from_utf8(super::shipped("site.css", css.as_bytes().to_vec())).unwrap(),
            "a{b:c}\np::before{content:\"/* kept */\"}\nq{background:url(/a/*b.png)}\n"
        );
        assert_eq!(super::shipped("x.js", b"/* a */".to_vec()), b"/* a */");
    }

    #[test]
    fn stylesheets_ship_without_spaces_for_readers() {
        let css = ".a .b, .c { margin: 0 auto; content: \" : { \"; }\n  @media (min-width: 40rem) { p { x: y } }\n";
        assert_eq!(
            String::from_utf8(super::shipped("site.css", css.as_bytes().to_vec())).unwrap(),
            ".a .b,.c{margin:0 auto;content:\" : { \";}\n@media (min-width:40rem){p{x:y}}\n"
        );
    }

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
