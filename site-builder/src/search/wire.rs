//! The index as the browser receives it: one ES module, `export default {...};`, whose
//! object is JSON. Its bulk is packed into strings, which brotli squeezes well and the
//! browser splits once:
//!
//! - `stop`: the stop words, space-separated;
//! - `language`: the code of the rules it was read by (`en`, `cy`, `ur`, `und`), which
//!   say its stop words and whether it is stemmed;
//! - `pages`: `[title, url]`, or `[title, url, 1]` for a fallback page in the default
//!   language; `sections`: `[page, heading, anchor, length, excerpt]`;
//! - `terms`: the stems, sorted, space-separated;
//! - `forms`: for each stem, in order, its words, comma-separated, each written as what
//!   follows the stem (`ion` for `protection` under `protect`) or, when the word does not
//!   start with its stem, as `=` and the word; stems are separated by spaces;
//! - `postings`: for each stem, in order, its sections, space-separated. Each section is
//!   a gap (the first section's number, then one less than the distance from the one
//!   before) doubled, plus one when its weight is over 1, followed then by the weight
//!   less 2. Numbers are written in base 32, most significant digit first: the last digit
//!   from `0-9a-v`, the others from `A-Zw-z_-`.
//!
//! `site-builder search` reads this same text back, so the command line searches exactly
//! what visitors search.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::index::{Index, Page, Posting, Section, Term};
use super::text::Language;

/// Raised when the browser's reader must change with the format.
pub const VERSION: u32 = 2;

const LAST_DIGITS: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE_DIGITS: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_-";

const PREFIX: &str = "export default ";
const SUFFIX: &str = ";\n";

/// The index as it is read back.
#[derive(Deserialize)]
struct Wire {
    version: u32,
    language: String,
    stop: String,
    pages: Vec<WirePage>,
    sections: Vec<(usize, String, String, u32, String)>,
    terms: String,
    forms: String,
    postings: String,
}

/// A page: `[title, url]`, or `[title, url, 1]` for a fallback.
#[derive(Deserialize)]
#[serde(untagged)]
enum WirePage {
    Own(String, String),
    Fallback(String, String, u8),
}

#[derive(Serialize)]
#[serde(untagged)]
enum WirePageOut<'a> {
    Own(&'a str, &'a str),
    Fallback(&'a str, &'a str, u8),
}

/// The index as it is written, borrowing its text from the index.
#[derive(Serialize)]
struct WireOut<'a> {
    version: u32,
    language: &'a str,
    stop: String,
    pages: Vec<WirePageOut<'a>>,
    sections: Vec<(usize, &'a str, &'a str, u32, &'a str)>,
    terms: String,
    forms: String,
    postings: String,
}

/// The module text for `index`.
pub fn encode(index: &Index) -> String {
    let language = index.language;
    let wire = WireOut {
        version: VERSION,
        language: language.code(),
        stop: language.stop_words().join(" "),
        pages: (index.pages.iter())
            .map(|p| match p.fallback {
                false => WirePageOut::Own(&p.title, &p.url),
                true => WirePageOut::Fallback(&p.title, &p.url, 1),
            })
            .collect(),
        sections: (index.sections.iter())
            .map(|s| (s.page, &*s.heading, &*s.anchor, s.length, &*s.excerpt))
            .collect(),
        terms: join(&index.terms, |out, t| out.push_str(&t.stem)),
        forms: join(&index.terms, |out, t| out.push_str(&forms(t))),
        postings: join(&index.terms, |out, t| postings(out, &t.postings)),
    };
    let mut module = Vec::with_capacity(index.sections.len() * 200 + 1024);
    module.extend_from_slice(PREFIX.as_bytes());
    serde_json::to_writer(&mut module, &wire).expect("strings and numbers serialise");
    module.extend_from_slice(SUFFIX.as_bytes());
    String::from_utf8(module).expect("JSON is UTF-8")
}

/// Each term written by `write`, space-separated; written in parallel, in runs of terms.
fn join(terms: &[Term], write: impl Fn(&mut String, &Term) + Sync) -> String {
    let runs: Vec<String> = (terms.par_chunks(4096))
        .map(|run| {
            let mut out = String::new();
            for (i, term) in run.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write(&mut out, term);
            }
            out
        })
        .collect();
    runs.join(" ")
}

fn forms(term: &Term) -> String {
    let written: Vec<String> = (term.forms.iter())
        .map(|form| match form.strip_prefix(term.stem.as_str()) {
            Some(rest) => rest.to_string(),
            None => format!("={form}"),
        })
        .collect();
    written.join(",")
}

fn postings(out: &mut String, postings: &[Posting]) {
    let mut next = 0;
    for posting in postings {
        let gap = posting.section - next;
        next = posting.section + 1;
        number(out, gap * 2 + u32::from(posting.weight > 1));
        if posting.weight > 1 {
            number(out, posting.weight - 2);
        }
    }
}

fn number(out: &mut String, n: u32) {
    // Base 32, least significant digit first: seven digits hold any u32.
    let mut digits = [0u8; 7];
    let mut count = 0;
    let mut n = n;
    loop {
        digits[count] = (n % 32) as u8;
        count += 1;
        n /= 32;
        if n == 0 {
            break;
        }
    }
    // Written most significant first; the last digit from its own set.
    for &digit in digits[1..count].iter().rev() {
        out.push(char::from(MORE_DIGITS[usize::from(digit)]));
    }
    out.push(char::from(LAST_DIGITS[usize::from(digits[0])]));
}

/// Reads a module made by [`encode`].
pub fn decode(module: &str) -> Result<Index, String> {
    let json = (module.strip_prefix(PREFIX))
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .ok_or("this is not a search index module")?;
    let wire: Wire = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let language = Language::from_code(&wire.language).filter(|_| wire.version == VERSION);
    let Some(language) = language else {
        return Err(format!(
            "this index is version {} in `{}`; this site-builder reads version {VERSION} in `en`, `cy`, `ur` or `und`",
            wire.version, wire.language
        ));
    };
    if wire.stop != language.stop_words().join(" ") {
        return Err("this index has other stop words than this site-builder's".into());
    }
    let stems: Vec<&str> = wire.terms.split(' ').collect();
    let forms: Vec<&str> = wire.forms.split(' ').collect();
    let postings: Vec<&str> = wire.postings.split(' ').collect();
    if forms.len() != stems.len() || postings.len() != stems.len() {
        return Err("the index's terms, forms and postings differ in number".into());
    }
    let terms = (stems.iter().zip(forms).zip(postings))
        .map(|((stem, forms), postings)| {
            Ok(Term {
                stem: stem.to_string(),
                forms: (forms.split(','))
                    .map(|f| match f.strip_prefix('=') {
                        Some(word) => word.to_string(),
                        None => format!("{stem}{f}"),
                    })
                    .collect(),
                postings: read_postings(postings)?,
            })
        })
        .collect::<Result<Vec<Term>, String>>()?;
    Ok(Index {
        language,
        pages: (wire.pages.into_iter())
            .map(|page| match page {
                WirePage::Own(title, url) => Page {
                    title,
                    url,
                    fallback: false,
                },
                WirePage::Fallback(title, url, mark) => Page {
                    title,
                    url,
                    fallback: mark != 0,
                },
            })
            .collect(),
        sections: (wire.sections.into_iter())
            .map(|(page, heading, anchor, length, excerpt)| Section {
                page,
                heading,
                anchor,
                length,
                excerpt,
            })
            .collect(),
        terms,
    })
}

fn read_postings(text: &str) -> Result<Vec<Posting>, String> {
    let mut numbers = Numbers(text.bytes());
    let mut postings = Vec::new();
    let mut next = 0;
    while let Some(value) = numbers.next().transpose()? {
        let section = next + value / 2;
        let weight = match value % 2 {
            1 => numbers.next().transpose()?.ok_or("a weight is missing")? + 2,
            _ => 1,
        };
        postings.push(Posting { section, weight });
        next = section + 1;
    }
    Ok(postings)
}

struct Numbers<'a>(std::str::Bytes<'a>);

impl Iterator for Numbers<'_> {
    type Item = Result<u32, String>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut n: u32 = 0;
        let mut started = false;
        for byte in self.0.by_ref() {
            started = true;
            let (digit, last) = match LAST_DIGITS.iter().position(|&d| d == byte) {
                Some(d) => (d, true),
                None => match MORE_DIGITS.iter().position(|&d| d == byte) {
                    Some(d) => (d, false),
                    None => return Some(Err(format!("`{}` is not a digit", byte as char))),
                },
            };
            n = n.saturating_mul(32).saturating_add(digit as u32);
            if last {
                return Some(Ok(n));
            }
        }
        started.then(|| Err("a number is cut short".to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::sections::{PageText, SectionText};

    #[test]
    fn numbers_use_one_character_below_32() {
        let mut out = String::new();
        for n in [0, 31, 32, 1023, 1024, 70_000] {
            number(&mut out, n);
            out.push('|');
        }
        assert_eq!(out, "0|v|B0|-v|BA0|CELg|");
    }

    #[test]
    fn an_index_reads_back_as_it_was_written() {
        let page = PageText {
            title: "Protection orders".into(),
            url: "/orders/".into(),
            description: "What an order does".into(),
            sections: vec![
                SectionText::default(),
                SectionText {
                    heading: "Happy \"endings\"".into(),
                    anchor: "happy".into(),
                    text: "Skies, dying, protected, protection and 999. ".repeat(3),
                },
            ],
        };
        let mut index = Index::of(Language::English, &[page.clone(), page.clone()]);
        index.pages[1].fallback = true;
        let module = encode(&index);
        assert!(module.starts_with("export default {\"version\":2,"));
        assert!(module.contains(
            r#""pages":[["Protection orders","/orders/"],["Protection orders","/orders/",1]]"#
        ));
        assert_eq!(decode(&module), Ok(index));
        let welsh = Index::of(Language::Welsh, &[page]);
        let module = encode(&welsh);
        assert!(module.contains(r#""language":"cy""#));
        assert_eq!(decode(&module), Ok(welsh));
        assert!(decode("export default {};\n").is_err());
        assert!(decode("let x = 1;").is_err());
    }
}
