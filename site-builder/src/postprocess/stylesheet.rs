//! Checking the stylesheets a site ships: every `url()`, `@import` and `image-set()`
//! must point at the site itself. A stylesheet could otherwise load a font or an image from
//! elsewhere and leak every visit, out of sight of the HTML checks.
//!
//! The CSS is read with cssparser's tokenizer (the one Servo uses), so escapes, comments
//! and strings are read the way a browser reads them, not matched as text.

use cssparser::{Parser, ParserInput, Token};

use super::address::{Address, Reader};

/// A problem in a stylesheet, at a 1-based line and character column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CssProblem {
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub help: &'static str,
}

/// Blocks nested deeper than this are refused rather than followed.
const MAX_DEPTH: usize = 64;

/// Checks `css`, served at `url_path` (such as `/assets/site.css`).
pub fn check(css: &str, reader: &Reader, url_path: &str) -> Vec<CssProblem> {
    let mut input = ParserInput::new(css);
    let mut parser = Parser::new(&mut input);
    let mut walker = Walker {
        css,
        reader,
        url_path,
        problems: Vec::new(),
    };
    walker.block(&mut parser, 0);
    walker.problems
}

struct Walker<'a> {
    css: &'a str,
    reader: &'a Reader,
    url_path: &'a str,
    problems: Vec<CssProblem>,
}

/// What the next string token means, after the token before it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Nothing,
    /// After `@import`, or inside `url(` or `image-set(`: strings are addresses.
    Address,
}

impl Walker<'_> {
    fn block(&mut self, parser: &mut Parser<'_, '_>, depth: usize) {
        self.tokens(parser, depth, Expect::Nothing);
    }

    fn tokens(&mut self, parser: &mut Parser<'_, '_>, depth: usize, inside: Expect) {
        if depth > MAX_DEPTH {
            let at = parser.current_source_location();
            self.problem(at, "the stylesheet nests blocks too deeply to check".into());
            return;
        }
        let mut after_import = false;
        loop {
            let at = parser.current_source_location();
            let Ok(token) = parser.next_including_whitespace_and_comments() else {
                return;
            };
            let token = token.clone();
            match &token {
                Token::WhiteSpace(_) | Token::Comment(_) => continue,
                Token::UnquotedUrl(url) => self.address(at, url),
                Token::QuotedString(text) if inside == Expect::Address || after_import => {
                    self.address(at, text)
                }
                Token::BadUrl(_) => self.problem(at, "this `url(...)` cannot be read".into()),
                _ => {}
            }
            after_import =
                matches!(&token, Token::AtKeyword(name) if name.eq_ignore_ascii_case("import"));
            let nested = match &token {
                Token::Function(name) => {
                    let addresses = name.eq_ignore_ascii_case("url")
                        || name.eq_ignore_ascii_case("src")
                        || name.to_ascii_lowercase().ends_with("image-set");
                    Some(if addresses {
                        Expect::Address
                    } else {
                        Expect::Nothing
                    })
                }
                Token::ParenthesisBlock | Token::SquareBracketBlock | Token::CurlyBracketBlock => {
                    Some(Expect::Nothing)
                }
                _ => None,
            };
            if let Some(expect) = nested {
                let _ = parser.parse_nested_block::<_, (), ()>(|inner| {
                    self.tokens(inner, depth + 1, expect);
                    Ok(())
                });
            }
        }
    }

    fn address(&mut self, at: cssparser::SourceLocation, url: &str) {
        let message = match self.reader.read(self.url_path, url) {
            Address::Internal { .. } => return,
            Address::External(found) => format!(
                "the stylesheet loads `{found}` from another site, which would leak every visit"
            ),
            Address::Scheme(scheme) if scheme == "data" => {
                "the stylesheet uses a `data:` address, which the security policy blocks".into()
            }
            Address::Scheme(scheme) => {
                format!("the stylesheet uses a `{scheme}:` address, which is not allowed")
            }
            Address::Contact | Address::Invalid => {
                format!("the stylesheet refers to `{url}`, which is not a file of the site")
            }
        };
        self.problem(at, message);
    }

    fn problem(&mut self, at: cssparser::SourceLocation, message: String) {
        let line = at.line as usize + 1;
        // cssparser counts the column in bytes; editors count characters.
        let line_text = self.css.lines().nth(at.line as usize).unwrap_or_default();
        let bytes = (at.column as usize).saturating_sub(1).min(line_text.len());
        let col = line_text
            .get(..bytes)
            .map_or(bytes, |before| before.chars().count())
            + 1;
        self.problems.push(CssProblem {
            line,
            col,
            message,
            help: "save the file in the site (templates/assets/ or static/) and refer to it by its path",
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(css: &str) -> Vec<(usize, usize, String)> {
        let reader = Reader::new("https://site.example.org").unwrap();
        check(css, &reader, "/assets/site.css")
            .into_iter()
            .map(|p| (p.line, p.col, p.message))
            .collect()
    }

    #[test]
    fn own_files_and_fragments_pass() {
        assert!(
            problems("a{background:url(/assets/x.png)} b{mask:url(#m)} @import 'print.css';")
                .is_empty()
        );
    }

    #[test]
    fn every_way_of_loading_from_elsewhere_is_found() {
        let found = problems(
            "@import url(https://evil.example/a.css);\n\
             @import \"//evil.example/b.css\";\n\
             a { background: URL( 'https://evil.example/c.png' ) }\n\
             b { background: u\\72l(https://evil.example/d.png) }\n\
             c { background-image: image-set(\"https://evil.example/e.png\" 1x) }\n\
             @font-face { src: url(data:font/woff2;base64,AAAA) }\n\
             @media print { @supports (display:grid) { d { cursor: url(\\2f\\2f evil.example/f) } } }\n",
        );
        let lines: Vec<usize> = found.iter().map(|p| p.0).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5, 6, 7], "{found:#?}");
        assert!(found[5].2.contains("data:"), "{found:#?}");
        assert_eq!((found[2].0, found[2].1), (3, 22));
    }

    #[test]
    fn deep_nesting_is_refused_not_followed() {
        let css = format!("{}a{{}}{}", "@media x{".repeat(10_000), "}".repeat(10_000));
        let found = problems(&css);
        assert_eq!(found.len(), 1);
        assert!(found[0].2.contains("too deeply"));
    }
}
