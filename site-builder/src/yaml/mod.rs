//! The one place that reads YAML: typed values through serde_yaml, and the positions of
//! values through saphyr-parser, so that problems found after parsing (a condition in the
//! self-check, a link in site.yaml) can still name `file:line:col`.

use std::collections::HashMap;
use std::path::Path;

use saphyr_parser::{Event, Parser, ScalarStyle};
use serde::de::DeserializeOwned;

use crate::diagnostic::{closest, Diagnostic};

/// Where a YAML document starts inside its file (front matter starts on line 2).
#[derive(Debug, Clone, Copy)]
pub struct Origin {
    pub line: usize,
}

impl Origin {
    pub const FILE: Origin = Origin { line: 1 };
}

/// Parses `text` into `T`, turning serde_yaml's error into an editor's diagnostic.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    origin: Origin,
) -> Result<T, Diagnostic> {
    if let Some(at) = odd_line_break(text) {
        let (line, col) = crate::diagnostic::LineIndex::new(text).position(at);
        return Err(Diagnostic::new(
            path,
            line + origin.line - 1,
            col,
            "this line ends with a carriage return alone, or holds a character YAML reads as a line break",
        )
        .with_help("save the file with ordinary line endings (LF, or CRLF on Windows), and retype the character here"));
    }
    if let Some((line, col)) = too_deep(text) {
        return Err(Diagnostic::new(
            path,
            line + origin.line - 1,
            col,
            format!("the lists or maps here are nested more than {MAX_DEPTH} levels deep"),
        )
        .with_help("no setting needs this: check for a run of `[` or `{`"));
    }
    serde_yaml::from_str(text).map_err(|error| diagnostic(&error, path, origin))
}

/// Where YAML would start a new line that editors' line numbers do not count: a carriage
/// return alone, or NEL, LINE SEPARATOR or PARAGRAPH SEPARATOR. Positions would disagree.
fn odd_line_break(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.char_indices()
        .find(|&(i, c)| match c {
            '\r' => bytes.get(i + 1) != Some(&b'\n'),
            '\u{85}' | '\u{2028}' | '\u{2029}' => true,
            _ => false,
        })
        .map(|(i, _)| i)
}

/// How deeply `[...]` and `{...}` may nest. Far beyond any real file, and it stops the
/// YAML parser's slow path on hostile nesting (100,000 levels took 23 s) before it starts.
const MAX_DEPTH: usize = 64;

/// Where flow collections first nest deeper than [`MAX_DEPTH`], if they do: a scan that
/// skips quoted text and comments.
fn too_deep(text: &str) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut col) = (0usize, 1, 0);
    let mut quote: Option<char> = None;
    let mut previous = '\n';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        col += 1;
        match (quote, c) {
            (_, '\n') => {
                (line, col) = (line + 1, 0);
                if quote == Some('#') {
                    quote = None;
                }
            }
            (Some('"'), '\\') => {
                chars.next();
                col += 1;
            }
            (Some(q), c) if q == c && q != '#' => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '#') if previous.is_whitespace() => quote = Some('#'),
            (None, '[' | '{') => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some((line, col));
                }
            }
            (None, ']' | '}') => depth = depth.saturating_sub(1),
            _ => {}
        }
        previous = c;
    }
    None
}

fn diagnostic(error: &serde_yaml::Error, path: &Path, origin: Origin) -> Diagnostic {
    let (line, col) = error
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let raw = error.to_string();
    let message = without_positions(&raw);
    let mut d = Diagnostic::new(path, line + origin.line - 1, col, reword(&message));
    if let Some(help) = help_for(&message) {
        d = d.with_help(help);
    }
    d
}

/// serde_yaml puts positions (relative to the YAML, not the file) inside its messages;
/// the diagnostic carries the file position instead.
fn without_positions(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + " at line ".len()..];
        let skip = tail
            .find(|c: char| !(c.is_ascii_digit() || c == ' ' || "column".contains(c)))
            .unwrap_or(tail.len());
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out.trim_end().to_string()
}

/// serde's wording is for programmers; editors get plainer words.
fn reword(message: &str) -> String {
    if let Some(rest) = message.split_once("unknown field `") {
        let name = rest.1.split('`').next().unwrap_or_default();
        return format!("{}unknown field `{name}`", rest.0);
    }
    message
        .replace("invalid type: ", "wrong kind of value: ")
        .replace("string \"", "text \"")
        .replace("expected i64", "expected a whole number")
        .replace("expected a boolean", "expected true or false")
        .replace("expected a string", "expected text")
}

fn help_for(message: &str) -> Option<String> {
    if let Some((_, rest)) = message.split_once("unknown field `") {
        let (name, expected) = rest.split_once('`')?;
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return Some(match closest(name, known.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("the known fields are {}", quote_list(&known)),
        });
    }
    if message.contains("tab character") {
        return Some("YAML is indented with spaces only: replace the Tab at the start of this line with spaces".into());
    }
    if message.contains("missing field `title`") {
        return Some("add a line such as `title: Reporting stalking` to the front matter".into());
    }
    if message.contains("quoted scalar") {
        return Some("a quotation mark was opened but not closed: check that every text starting with \" ends with \" on the same line".into());
    }
    if message.contains("did not find expected")
        || message.contains("mapping values are not allowed")
    {
        return Some("check the indentation and that each `key: value` pair has a space after the colon; put text containing `: ` in quotes".into());
    }
    None
}

fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// How a scalar was written, which decides where its text starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Quoted,
    Block,
}

/// Where a value starts in its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub col: usize,
    pub style: Style,
}

impl Place {
    /// The position of the `offset`-th byte of a scalar's text. A block scalar (`|`)
    /// starts where its first line of text does, and each line of its text is a line of
    /// the file at the same indentation; a quoted or folded one is placed on its first line.
    pub fn inside(&self, value: &str, offset: usize) -> (usize, usize) {
        let before = value.get(..offset.min(value.len())).unwrap_or(value);
        match self.style {
            Style::Plain => (self.line, self.col + before.chars().count()),
            Style::Quoted => (self.line, self.col + 1 + before.chars().count()),
            Style::Block => {
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                let lines = before.matches('\n').count();
                (
                    self.line + lines,
                    self.col + before[line_start..].chars().count(),
                )
            }
        }
    }
}

/// Positions of every value in a document, by path: `questions.2.show_if`.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    places: HashMap<String, Place>,
}

impl Positions {
    /// Indexes `text`. A document that does not parse yields no positions: serde_yaml will
    /// already have reported the syntax error.
    pub fn of(text: &str, origin: Origin) -> Positions {
        let mut walker = Walker {
            places: HashMap::new(),
            stack: Vec::new(),
            origin,
        };
        for item in Parser::new_from_str(text) {
            let Ok((event, span)) = item else { break };
            walker.visit(event, span.start.line(), span.start.col() + 1);
        }
        Positions {
            places: walker.places,
        }
    }

    pub fn get(&self, path: &str) -> Option<Place> {
        self.places.get(path).copied()
    }

    /// Every path with a value, and where the value is, in no particular order.
    pub fn paths(&self) -> impl Iterator<Item = (&str, Place)> {
        self.places
            .iter()
            .map(|(path, place)| (path.as_str(), *place))
    }

    /// The place of `path`, or of its nearest recorded ancestor.
    pub fn nearest(&self, path: &str) -> Place {
        let mut path = path;
        loop {
            if let Some(place) = self.get(path) {
                return place;
            }
            match path.rfind('.') {
                Some(dot) => path = &path[..dot],
                None => {
                    return Place {
                        line: 1,
                        col: 1,
                        style: Style::Plain,
                    }
                }
            }
        }
    }
}

enum Frame {
    Map { key: Option<String>, prefix: String },
    Seq { index: usize, prefix: String },
}

struct Walker {
    places: HashMap<String, Place>,
    stack: Vec<Frame>,
    origin: Origin,
}

impl Walker {
    /// The path the next value in the current container takes.
    fn next_path(&self) -> Option<String> {
        match self.stack.last()? {
            Frame::Map {
                key: Some(key),
                prefix,
            } => Some(join(prefix, key)),
            Frame::Map { key: None, .. } => None,
            Frame::Seq { index, prefix } => Some(join(prefix, &index.to_string())),
        }
    }

    fn finish_value(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { key, .. }) => *key = None,
            Some(Frame::Seq { index, .. }) => *index += 1,
            None => {}
        }
    }

    fn record(&mut self, path: &str, line: usize, col: usize, style: Style) {
        let place = Place {
            line: line + self.origin.line - 1,
            col,
            style,
        };
        self.places.insert(path.to_string(), place);
    }

    fn visit(&mut self, event: Event<'_>, line: usize, col: usize) {
        match event {
            Event::Scalar(text, style, ..) => {
                if let Some(Frame::Map {
                    key: key @ None, ..
                }) = self.stack.last_mut()
                {
                    *key = Some(text.into_owned());
                    return;
                }
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                    _ => Style::Block,
                };
                if let Some(path) = self.next_path() {
                    self.record(&path, line, col, style);
                }
                self.finish_value();
            }
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let prefix = self.next_path().unwrap_or_default();
                if !prefix.is_empty() {
                    self.record(&prefix, line, col, Style::Block);
                }
                self.stack.push(match event {
                    Event::MappingStart(..) => Frame::Map { key: None, prefix },
                    _ => Frame::Seq { index: 0, prefix },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.finish_value();
            }
            Event::Alias(..) => self.finish_value(),
            _ => {}
        }
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

#[cfg(test)]
mod tests;
